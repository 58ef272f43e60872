// Decision wizard: turns each static tree outline (.mnp-tree) into one question at a time.
//
// The outline stays in the page: it is what shows without JavaScript and in print, and the
// wizard shows an outcome by copying that outcome's rendered block from it. The tree structure
// comes from the JSON embedded next to the outline (the same JSON as /api/trees.json).
// State lives in the URL: the hash names the current node (#tree-<tree>--<node>, the outline's
// own anchor, so deep links work with and without JavaScript) and history.state keeps the path.
(() => {
  "use strict";

  const anchorOf = (treeId, nodeId) => `tree-${treeId}--${nodeId}`;

  function element(tag, className, text) {
    const el = document.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  }

  function button(label, className, onClick) {
    const el = element("button", className, label);
    el.type = "button";
    el.addEventListener("click", onClick);
    return el;
  }

  // Shortest path of node ids from the start to `target`, for deep links that carry no history.
  function pathTo(tree, target) {
    const previous = { [tree.start]: null };
    const queue = [tree.start];
    while (queue.length) {
      const id = queue.shift();
      if (id === target) break;
      for (const option of tree.nodes[id].options || []) {
        if (!(option.next in previous)) {
          previous[option.next] = id;
          queue.push(option.next);
        }
      }
    }
    if (!(target in previous)) return [tree.start];
    const path = [];
    for (let id = target; id !== null; id = previous[id]) path.unshift(id);
    return path;
  }

  function setup(container) {
    const treeId = container.dataset.tree;
    const tree = JSON.parse(container.querySelector(".mnp-tree__data").textContent);
    const outline = container.querySelector(".mnp-tree__outline");
    let path = [tree.start];

    const wizard = element("section", "mnp-wizard");
    wizard.setAttribute("aria-label", `質問に答えて進む：${tree.title}`);
    const trail = element("ol", "mnp-wizard__trail");
    const trailNav = element("nav", "mnp-wizard__trail-nav");
    trailNav.setAttribute("aria-label", "これまでの回答");
    trailNav.append(trail);
    const step = element("div", "mnp-wizard__step");
    const live = element("p", "mnp-wizard__live");
    live.setAttribute("aria-live", "polite");
    const back = button("戻る", "mnp-wizard__control", () => go(path.slice(0, -1)));
    const restart = button("最初から", "mnp-wizard__control", () => go([tree.start]));
    const showAll = button("すべての分岐を一覧で見る", "mnp-wizard__control", () => {
      outline.hidden = !outline.hidden;
      showAll.setAttribute("aria-expanded", String(!outline.hidden));
    });
    showAll.setAttribute("aria-expanded", "false");
    const controls = element("div", "mnp-wizard__controls");
    controls.append(back, restart, showAll);
    wizard.append(trailNav, step, controls, live);
    container.insertBefore(wizard, outline);
    outline.hidden = true;
    container.classList.add("mnp-tree--wizard");

    function render(focus) {
      const nodeId = path[path.length - 1];
      const node = tree.nodes[nodeId];
      wizard.dataset.node = nodeId;
      trail.replaceChildren(
        ...path.slice(0, -1).map((id, index) => {
          const chosen = tree.nodes[id].options.find((o) => o.next === path[index + 1]);
          const item = element("li");
          const crumb = button("", "mnp-wizard__crumb", () => go(path.slice(0, index + 1)));
          crumb.append(element("span", "mnp-wizard__crumb-q", tree.nodes[id].text), element("span", "mnp-wizard__crumb-a", chosen.label));
          item.append(crumb);
          return item;
        }),
      );
      trailNav.hidden = path.length < 2;
      back.disabled = path.length < 2;
      restart.disabled = path.length < 2;

      const heading = element("p", "mnp-wizard__heading");
      heading.tabIndex = -1;
      if (node.kind === "question") {
        heading.append(element("span", "mnp-node__kind", "質問"), document.createTextNode(node.text));
        const options = element("div", "mnp-wizard__options");
        options.setAttribute("role", "group");
        options.setAttribute("aria-label", node.text);
        node.options.forEach((option) => {
          options.append(button(option.label, "mnp-wizard__option", () => go([...path, option.next])));
        });
        step.replaceChildren(heading, ...(node.help ? [element("p", "mnp-node__help", node.help)] : []), options);
        live.textContent = `質問：${node.text}`;
      } else {
        const rendered = outline.querySelector(`#${CSS.escape(anchorOf(treeId, nodeId))}`);
        const copy = rendered.cloneNode(true);
        copy.removeAttribute("id");
        copy.querySelectorAll("[id]").forEach((el) => el.removeAttribute("id"));
        heading.append(element("span", "mnp-wizard__result", "結論"));
        step.replaceChildren(heading, copy);
        live.textContent = `結論：${node.title}`;
      }
      if (focus) heading.focus();
    }

    function go(newPath) {
      if (newPath.length === 0) newPath = [tree.start];
      path = newPath;
      history.pushState({ tree: treeId, path }, "", `#${anchorOf(treeId, path[path.length - 1])}`);
      render(true);
    }

    function fromLocation(focus) {
      const state = history.state;
      if (state && state.tree === treeId && Array.isArray(state.path)) {
        path = state.path.filter((id) => id in tree.nodes);
      } else {
        const prefix = `#${anchorOf(treeId, "")}`;
        const hash = decodeURIComponent(location.hash);
        if (!hash.startsWith(prefix)) return false;
        path = pathTo(tree, hash.slice(prefix.length));
        history.replaceState({ tree: treeId, path }, "", location.hash);
      }
      if (path.length === 0) path = [tree.start];
      render(focus);
      return true;
    }

    window.addEventListener("popstate", () => {
      // Back to the entry before the first answer: start again. Other anchors (the table of
      // contents, another tree) leave this wizard where it is.
      if (!fromLocation(true) && !location.hash) {
        path = [tree.start];
        render(false);
      }
    });
    if (fromLocation(false)) {
      wizard.scrollIntoView();
    } else {
      render(false);
    }
  }

  document.querySelectorAll(".mnp-tree[data-tree]").forEach(setup);
})();
