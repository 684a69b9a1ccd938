// The briefing's slides: one at a time on a wide screen (arrows, Page Up/Down, space, Home/End).
// Without this script the slides read as a vertical sequence; on a phone they stay so.
(function () {
  "use strict";
  var slides = Array.prototype.slice.call(document.querySelectorAll(".deck .slide"));
  if (!slides.length) return;
  var counter = document.querySelector("[data-deck=counter]");
  var current = 0;
  var found = /^#slide-(\d+)$/.exec(location.hash);
  if (found) current = Math.min(slides.length - 1, Math.max(0, parseInt(found[1], 10) - 1));
  document.documentElement.classList.add("presenting");
  function show(index) {
    current = Math.max(0, Math.min(slides.length - 1, index));
    slides.forEach(function (slide, i) { slide.classList.toggle("current", i === current); });
    if (counter) counter.textContent = (current + 1) + " / " + slides.length;
    if (history.replaceState) history.replaceState(null, "", "#slide-" + (current + 1));
  }
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var keys = { ArrowRight: 1, ArrowDown: 1, PageDown: 1, " ": 1, ArrowLeft: -1, ArrowUp: -1, PageUp: -1 };
    if (event.key in keys) { show(current + keys[event.key]); event.preventDefault(); }
    else if (event.key === "Home") { show(0); event.preventDefault(); }
    else if (event.key === "End") { show(slides.length - 1); event.preventDefault(); }
  });
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-deck]");
    if (button && button.getAttribute("data-deck") === "prev") show(current - 1);
    if (button && button.getAttribute("data-deck") === "next") show(current + 1);
  });
  show(current);
})();
