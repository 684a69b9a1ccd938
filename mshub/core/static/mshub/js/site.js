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
