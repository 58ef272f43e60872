// Material's search dialog has role="dialog" but no name (axe: aria-dialog-name). One attribute
// here instead of a copy of the whole partial that would drift from Material's on every upgrade.
document.querySelectorAll(".md-search[role=dialog]:not([aria-label])").forEach((dialog) => {
  dialog.setAttribute("aria-label", "サイト内検索");
});

// Task-list checkboxes (pymdownx.tasklist) sit in a label with no text (axe: label). Name each one
// by its item, so a screen reader says which step is being ticked.
document.querySelectorAll(".task-list-item .task-list-control > input[type=checkbox]").forEach((box) => {
  const item = box.closest(".task-list-item");
  box.setAttribute("aria-label", item.textContent.trim());
});
