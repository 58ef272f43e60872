// Open every collapsed block before printing (CSS ::details-content covers Chromium; this covers
// the other browsers) and close again those it opened afterwards.
window.addEventListener("beforeprint", () => {
  document.querySelectorAll("details:not([open])").forEach((details) => {
    details.open = true;
    details.dataset.mnpPrintOpened = "";
  });
});
window.addEventListener("afterprint", () => {
  document.querySelectorAll("details[data-mnp-print-opened]").forEach((details) => {
    details.open = false;
    delete details.dataset.mnpPrintOpened;
  });
});
