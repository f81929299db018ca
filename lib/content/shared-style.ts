/**
 * One parsed stylesheet shared by the shadow roots of our small in-page
 * elements (Save actions, badges), where the browser lets a content script
 * adopt one; a `<style>` per element otherwise (Firefox refuses sheets built in
 * a content script's own world). Built with the first element, and its
 * adoption is the test: no probe element.
 */
export function sharedStyle(doc: Document, css: string): (shadow: ShadowRoot) => void {
  // undefined: not built yet; null: this browser will not adopt it here.
  let sheet: CSSStyleSheet | null | undefined;
  const build = (): CSSStyleSheet | null => {
    try {
      const view = doc.defaultView;
      if (!view || !('adoptedStyleSheets' in ShadowRoot.prototype) || typeof view.CSSStyleSheet !== 'function') return null;
      const built = new view.CSSStyleSheet();
      built.replaceSync(css);
      return built;
    } catch {
      return null;
    }
  };
  return (shadow) => {
    if (sheet === undefined) sheet = build();
    if (sheet) {
      try {
        shadow.adoptedStyleSheets = [sheet];
        return;
      } catch {
        sheet = null;
      }
    }
    const style = doc.createElement('style');
    style.textContent = css;
    shadow.append(style);
  };
}
