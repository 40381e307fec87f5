// Hover text for chart points, from the descriptions vega writes into the SVG (aria-label). A few
// lines of inline script: the page still needs nothing from the network, and reads fine without it.

/** A <script> element that shows a point's description next to the pointer. */
export const TOOLTIP_SCRIPT = `<script>
(() => {
  const tip = document.createElement("div");
  tip.className = "tip";
  tip.hidden = true;
  document.body.append(tip);
  const pointOf = (t) => t instanceof Element ? t.closest('[aria-roledescription="point"][aria-label]') : null;
  document.addEventListener("mouseover", (e) => {
    const p = pointOf(e.target);
    if (!p) { tip.hidden = true; return; }
    tip.textContent = p.getAttribute("aria-label");
    tip.hidden = false;
  });
  document.addEventListener("mousemove", (e) => {
    tip.style.left = e.pageX + 12 + "px";
    tip.style.top = e.pageY + 12 + "px";
  });
})();
</script>`;

export const TOOLTIP_STYLE = `.tip { position: absolute; pointer-events: none; background: #222; color: #fff; font-size: 0.8em; padding: 0.25em 0.5em; border-radius: 3px; }`;
