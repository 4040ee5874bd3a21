import { render } from 'preact';
import { App } from './app/App';
import { registerServiceWorker } from './app/register-sw';
import './app/app.css';

const root = document.getElementById('app');
if (root) render(<App />, root);

registerServiceWorker();
