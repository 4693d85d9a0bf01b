// Scrolls the original's panel to the finding's line and the as-read panel to its first marked cell, each within its
// own panel, so both sides show the same figure at once.
export function centre(panel, item) {
  if (panel && item) {
    panel.scrollTop += item.getBoundingClientRect().top - panel.getBoundingClientRect().top - panel.clientHeight / 2;
  }
}

centre(document.getElementById('text-source'), document.querySelector('#text-source .focus'));
centre(document.querySelector('.as-read'), document.querySelector('.as-read td.marked'));
