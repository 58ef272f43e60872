// Slides from the same page: open any page with ?slides to present it. The part before the
// first ## heading is the title slide and each ## section is one slide. "講師メモ" blocks
// (!!! trainer) are hidden on the normal page and shown as speaker notes here (key N, or open
// ?slides&notes on the presenter's screen). Keys: → / Space / PageDown next, ← / PageUp back,
// Home / End, Esc leaves. The slide number is kept in the hash (#slide-3) for links and reloads.
(() => {
  "use strict";
  const params = new URLSearchParams(location.search);
  if (!params.has("slides")) return;
  const content = document.querySelector(".md-content__inner");
  if (!content) return;

  // Group the page's top-level blocks into sections, starting a new one at each h2.
  const slides = [];
  let current = null;
  for (const node of [...content.children]) {
    if (node.matches(".mnp-page-info, .md-source-file, script")) continue;
    if (!current || node.tagName === "H2") {
      current = document.createElement("section");
      current.className = "mnp-slide";
      slides.push(current);
    }
    current.append(node);
  }
  const deck = document.createElement("div");
  deck.className = "mnp-deck";
  deck.setAttribute("role", "region");
  deck.setAttribute("aria-roledescription", "スライド");
  deck.setAttribute("aria-label", document.title);
  deck.append(...slides);

  const counter = document.createElement("p");
  counter.className = "mnp-deck__counter";
  counter.setAttribute("aria-live", "polite");
  const controls = document.createElement("div");
  controls.className = "mnp-deck__controls";
  const makeButton = (label, action) => {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = label;
    button.addEventListener("click", action);
    controls.append(button);
    return button;
  };
  const previous = makeButton("前へ", () => show(index - 1));
  const next = makeButton("次へ", () => show(index + 1));
  makeButton("講師メモ", () => document.body.classList.toggle("mnp-slides--notes"));
  makeButton("スライドを終える", leave);
  content.replaceChildren(deck, counter, controls);
  document.body.classList.add("mnp-slides");
  if (params.has("notes")) document.body.classList.add("mnp-slides--notes");

  let index = 0;
  function show(target) {
    index = Math.max(0, Math.min(slides.length - 1, target));
    slides.forEach((slide, i) => {
      slide.hidden = i !== index;
    });
    counter.textContent = `${index + 1} / ${slides.length}`;
    previous.disabled = index === 0;
    next.disabled = index === slides.length - 1;
    history.replaceState(null, "", `#slide-${index + 1}`);
  }

  function leave() {
    location.href = location.pathname;
  }

  // Capture on window: Material's own shortcuts (n = next page, p = previous) must not see these keys.
  window.addEventListener("keydown", (event) => {
    if (event.target.closest && event.target.closest("input, textarea, .mnp-wizard")) return;
    const moves = { ArrowRight: 1, PageDown: 1, " ": 1, ArrowLeft: -1, PageUp: -1 };
    if (event.key in moves) show(index + moves[event.key]);
    else if (event.key === "Home") show(0);
    else if (event.key === "End") show(slides.length - 1);
    else if (event.key === "Escape") leave();
    else if (event.key === "n" || event.key === "N") document.body.classList.toggle("mnp-slides--notes");
    else return;
    event.preventDefault();
    event.stopImmediatePropagation();
  }, true);

  const start = /^#slide-(\d+)$/.exec(location.hash);
  show(start ? Number(start[1]) - 1 : 0);
})();
