// Scrolls a panel so that an item in it is centred, within the panel alone (the page itself does not move): the
// original's panel to the finding's line or box, the as-read panel to its first marked cell.
export function centre(panel, item) {
  if (panel && item) {
    panel.scrollTop += item.getBoundingClientRect().top - panel.getBoundingClientRect().top - panel.clientHeight / 2;
  }
}
