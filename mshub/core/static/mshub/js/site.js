// Small behaviours that need no framework. Everything works without this file.
// A form with data-busy shows its [role=status] note and disables its buttons while the
// answer is on its way (publishing renders a report in every language, which takes seconds).
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-busy")) return;
  var note = form.querySelector("[role=status]");
  if (note) note.hidden = false;
  // disable after the submission has been built, or the button's own name/value would be lost
  setTimeout(function () {
    form.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
  }, 0);
});

// An <iframe data-fit-content> (the report) takes the height of its document, so that it scrolls
// with the page instead of inside a box of its own. The frame is sandboxed without scripts; it is
// same-origin only so that this can measure it. Setting style.height through the CSSOM is allowed
// by the Content-Security-Policy (style="" attributes are not).
function fitFrame(frame) {
  var doc = frame.contentDocument;
  if (!doc || !doc.documentElement || doc.readyState !== "complete") return;
  var border = frame.offsetHeight - frame.clientHeight;
  var height = Math.ceil(doc.documentElement.getBoundingClientRect().height) + border;
  frame.classList.add("fitted");
  if (frame.style.height !== height + "px") frame.style.height = height + "px";
}
document.querySelectorAll("iframe[data-fit-content]").forEach(function (frame) {
  frame.addEventListener("load", function () { fitFrame(frame); });
  fitFrame(frame);
  // a new width (a phone turned, a window resized) reflows the report to a new height
  if (window.ResizeObserver) new ResizeObserver(function () { fitFrame(frame); }).observe(frame);
});
