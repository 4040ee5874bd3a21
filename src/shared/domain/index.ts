export * from './dates';
export * from './nik';
export * from './phone';
export * from './status-as-of';
export * from './absorption';
export * from './due-date';
