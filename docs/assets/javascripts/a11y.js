// Material's search dialog has role="dialog" but no name (axe: aria-dialog-name). One attribute
// here instead of a copy of the whole partial that would drift from Material's on every upgrade.
document.querySelectorAll(".md-search[role=dialog]:not([aria-label])").forEach((dialog) => {
  dialog.setAttribute("aria-label", "サイト内検索");
});
