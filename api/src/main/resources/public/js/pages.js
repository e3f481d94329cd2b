// Renders every chart on a page from the Vega-Lite spec embedded beside it (no request needed).
// A chart that fails says so in place and on the console, so the browser tests notice.
// On a narrow screen (a phone) a chart is narrowed to its box rather than shrunk, so its labels
// keep their size: plot widths cut to fit, long labels cut shorter, legends below, facets stacked.
const NARROW = 640;

function fitTo(spec, room) {
  if (typeof spec.width === "number" && spec.width > room) {
    spec.width = Math.max(140, room);
  }
  if (spec.columns && spec.spec) {
    spec.columns = 1;
  }
  ["spec"].forEach((k) => spec[k] && fitTo(spec[k], room));
  (spec.layer || []).forEach((l) => fitTo(l, room));
  (spec.vconcat || []).forEach((l) => fitTo(l, room));
  const enc = spec.encoding || {};
  Object.values(enc).forEach((f) => {
    if (f && f.axis && f.axis.labelLimit > 120) {
      f.axis.labelLimit = 120;
    }
  });
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("div.vega[data-spec]").forEach(async (el) => {
    try {
      const spec = JSON.parse(document.getElementById(el.dataset.spec).textContent);
      const box = el.clientWidth;
      if (box > 0 && box < NARROW) {
        // room for the value axis and its title beside the plot
        fitTo(spec, box - 110);
        spec.config = Object.assign({}, spec.config, {
          legend: Object.assign({}, (spec.config || {}).legend, { orient: "bottom", columns: 2 }),
        });
      }
      await vegaEmbed(el, spec, { renderer: "svg", actions: false });
      el.dataset.rendered = "true";
    } catch (e) {
      el.dataset.rendered = "failed";
      el.textContent = "This chart could not be drawn: " + e.message + ". The table and the CSV download have its figures.";
      console.error("chart " + el.id + " failed", e);
    }
  });
});
