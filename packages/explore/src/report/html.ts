// Pieces shared by the static pages lrsched writes (the demo's index.html, the sweep's report):
// escaping, inline SVG, and the page shell. No scripts, nothing fetched.

/**
 * Escapes text for HTML content and attribute values.
 *
 * @example
 * ```ts
 * import { escapeHtml } from "@lrsched/explore";
 * escapeHtml('<a href="x">&</a>'); // → "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"
 * ```
 */
export const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * An SVG ready to sit inline: no XML prolog, and its ids prefixed so that two charts' clip paths
 * (vega numbers them from 1 in every chart) cannot capture each other's references.
 *
 * @example
 * ```ts
 * import { inlineSvg } from "@lrsched/explore";
 * inlineSvg('<?xml version="1.0"?>\n<svg><clipPath id="clip1"/><g clip-path="url(#clip1)"/></svg>', "lr"); // → "<svg><clipPath id=\"lr-clip1\"/><g clip-path=\"url(#lr-clip1)\"/></svg>"
 * ```
 */
export function inlineSvg(svg: string, prefix: string): string {
  return svg
    .replace(/^<\?xml[^>]*>\s*/, "")
    .replace(/\bid="([^"]+)"/g, (_m, id: string) => `id="${prefix}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_m, id: string) => `url(#${prefix}-${id})`)
    .replace(/href="#([^"]+)"/g, (_m, id: string) => `href="#${prefix}-${id}"`);
}

/**
 * A complete page: `title` (escaped here), the page's own CSS, its body's HTML, and any further
 * head elements.
 *
 * @example
 * ```ts
 * import { htmlPage } from "@lrsched/explore";
 * const page = htmlPage("Sweep", "body { margin: 0 }", "<p>hello</p>");
 * page.startsWith("<!doctype html>"); // → true
 * page.includes("<title>Sweep</title>"); // → true
 * ```
 */
export function htmlPage(title: string, style: string, body: string, head = ""): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${head}<title>${escapeHtml(title)}</title>
<style>
${style.trim()}
</style>
</head>
<body>
${body.trim()}
</body>
</html>
`;
}
