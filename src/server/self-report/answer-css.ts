/**
 * The answer page's style sheet, served from /r/answer.css. Kept in the server's code
 * (not in the PWA's build) so the page needs nothing from dist/. Sized for a small phone:
 * one column, large touch targets, system fonts. Where the browser knows `:has()`, only
 * the details of the chosen status show; elsewhere every detail shows, which still works.
 */
export const ANSWER_CSS = `*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:16px;line-height:1.45;color:#1b1b1b;background:#f4f6f5}
body{margin:0}
main{max-width:34rem;margin:0 auto;padding:1rem 1rem 3rem;background:#fff;min-height:100vh}
h1{font-size:1.4rem;margin:.5rem 0 .75rem;color:#0b5d3b}
p{margin:.5rem 0 1rem}
fieldset{border:1px solid #c9d2cd;border-radius:.5rem;margin:0 0 1rem;padding:.5rem .9rem .9rem}
legend{font-weight:600;padding:0 .3rem}
label{display:block;font-weight:500;margin:.6rem 0 .25rem}
.choice{display:flex;align-items:center;gap:.6rem;margin:.2rem 0;padding:.55rem .4rem;min-height:2.75rem;font-weight:400}
.choice input{width:1.25rem;height:1.25rem;margin:0;flex:none}
input[type=text],input[type=month],select,textarea{display:block;width:100%;font:inherit;padding:.6rem .65rem;border:1px solid #7c8a83;border-radius:.4rem;background:#fff;color:inherit}
textarea{min-height:5rem;resize:vertical}
.hint{font-size:.9rem;color:#4a5550;margin:.2rem 0 0}
.problem{color:#a4161a;font-weight:600;margin:.25rem 0}
.problems{border-left:4px solid #a4161a;padding:.4rem .75rem;background:#fdeeee}
button{display:block;width:100%;font:inherit;font-weight:700;padding:.85rem;margin:1.25rem 0 0;border:0;border-radius:.5rem;background:#0b5d3b;color:#fff;min-height:3rem}
button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible{outline:3px solid #f4b400;outline-offset:2px}
@supports selector(:has(a)){
.details{display:none}
form:has(#status-employed:checked) .employed,form:has(#status-business:checked) .business{display:block}
}
`;
