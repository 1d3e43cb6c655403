// The preview's script, added to every page it serves. After a good build the page reloads; after a failed one the
// build's problems cover the page, and a tab opened while the build is broken gets them when it connects.
//
// The problems cover the whole window rather than sitting in a corner: a writer who just saved should see at once
// that the page did not change and why, and not mistake the last good page underneath for their edit. It can be
// hidden to look at that page, and brought back.
//
// The page's CSP allows only scripts and styles from this server, so everything is built with DOM methods and
// styled by /__preview/overlay.css. Build text goes in by textContent only: it comes from the writer's files.
(() => {
  "use strict";
  const id = "preview-problems";
  let dialog = null;
  let reopen = null;
  let inerted = [];

  const element = (tag, className, text) => {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const count = (n, word) => (n === 1 ? `1 ${word}` : `${n} ${word}s`);

  const addStylesheet = () => {
    if (document.getElementById(`${id}-style`)) return;
    const link = element("link");
    link.id = `${id}-style`;
    link.rel = "stylesheet";
    link.href = "/__preview/overlay.css";
    document.head.append(link);
  };

  const problem = (p) => {
    const item = element("li", `preview-problem preview-problem--${p.severity === "error" ? "error" : "warning"}`);
    const where = element("p", "preview-problem__where");
    where.append(element("span", "preview-problem__kind", p.severity === "error" ? "Error" : "Warning"), " in ");
    where.append(element("code", "preview-problem__file", p.file));
    where.append(`, line ${p.line}, column ${p.column} `, element("span", "preview-problem__code", `(${p.code})`));
    item.append(where, element("p", "preview-problem__message", p.message));
    if (p.fix) {
      const fix = element("p", "preview-problem__fix");
      fix.append(element("strong", "", "How to fix it: "), p.fix);
      item.append(fix);
    }
    return item;
  };

  // Keyboard and screen reader stay in the dialog: the page behind is the last good one, not the writer's edit.
  const setBackgroundInert = (on) => {
    for (const e of inerted) e.inert = false;
    inerted = on ? [...document.body.children].filter((e) => e !== dialog && e !== reopen && !e.inert) : [];
    for (const e of inerted) e.inert = true;
  };

  const hide = () => {
    if (!dialog) return;
    dialog.hidden = true;
    setBackgroundInert(false);
    reopen.hidden = false;
    reopen.focus({ preventScroll: true });
  };

  const open = () => {
    reopen.hidden = true;
    dialog.hidden = false;
    setBackgroundInert(true);
    dialog.focus({ preventScroll: true });
  };

  const clear = () => {
    setBackgroundInert(false);
    dialog?.remove();
    reopen?.remove();
    dialog = reopen = null;
  };

  const show = (state) => {
    clear();
    // Only errors stop the build; warnings alone never cover the page.
    if (!(state.errors > 0)) return;
    addStylesheet();
    dialog = element("div", "preview-problems");
    dialog.id = id;
    dialog.tabIndex = -1;
    dialog.setAttribute("role", "alertdialog");
    dialog.setAttribute("aria-modal", "true");
    dialog.setAttribute("aria-labelledby", `${id}-title`);
    dialog.setAttribute("aria-describedby", `${id}-intro`);
    const panel = element("div", "preview-problems__panel");
    const title = element("h2", "preview-problems__title", "The page could not be built.");
    title.id = `${id}-title`;
    const intro = element("p", "preview-problems__intro",
      `Fix the ${state.errors === 1 ? "problem" : "problems"} below and save; this page will come back.`);
    intro.id = `${id}-intro`;
    const counts = `${count(state.errors, "error")}${state.warnings > 0 ? ` and ${count(state.warnings, "warning")}` : ""}`;
    const list = element("ol", "preview-problems__list");
    for (const p of state.problems) list.append(problem(p));
    const close = element("button", "preview-problems__button", "Hide this message");
    close.type = "button";
    close.addEventListener("click", hide);
    panel.append(title, intro, element("p", "preview-problems__count", `${counts}:`), list);
    if (state.more > 0) {
      panel.append(element("p", "preview-problems__more",
        `${count(state.more, "more problem")} not shown here: the terminal lists them all.`));
    }
    panel.append(close);
    dialog.append(panel);
    dialog.addEventListener("keydown", (e) => {
      if (e.key === "Escape") hide();
    });

    reopen = element("button", "preview-problems__reopen", `Show the build's problems (${counts})`);
    reopen.type = "button";
    reopen.hidden = true;
    reopen.addEventListener("click", open);
    document.body.append(dialog, reopen);
    open();
  };

  const events = new EventSource("/__preview/events");
  events.onmessage = () => location.reload();
  events.addEventListener("problems", (e) => show(JSON.parse(e.data)));
})();
