// Renders every chart on a page from the Vega-Lite spec embedded beside it (no request needed).
// A chart that fails says so in place and on the console, so the browser tests notice.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("div.vega[data-spec]").forEach(async (el) => {
    try {
      const spec = JSON.parse(document.getElementById(el.dataset.spec).textContent);
      await vegaEmbed(el, spec, { renderer: "svg", actions: false });
      el.dataset.rendered = "true";
    } catch (e) {
      el.dataset.rendered = "failed";
      el.textContent = "This chart could not be drawn: " + e.message + ". The table and the CSV download have its figures.";
      console.error("chart " + el.id + " failed", e);
    }
  });
});
