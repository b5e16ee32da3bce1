// Keeps the dashboard's headline figures current: polls figures.json every 10 seconds while the tab is visible.
// Without JavaScript the page is complete; it just shows the figures as they were when it loaded.
(function () {
  "use strict";
  var panel = document.querySelector("[data-figures-url]");
  if (!panel || !window.fetch) {
    return;
  }

  var url = panel.getAttribute("data-figures-url");
  var every = 10000;
  var timer = null;
  var format = new Intl.NumberFormat("en-GB");

  function text(name, value) {
    if (name === "confirmedPercent") {
      return value === null ? "\u2014" : value.toFixed(1) + "%";
    }
    if (name === "progressPercent") {
      return value + "%";
    }
    return format.format(value);
  }

  function show(figures) {
    document.querySelectorAll("[data-figure]").forEach(function (element) {
      var name = element.getAttribute("data-figure");
      if (name in figures) {
        element.textContent = text(name, figures[name]);
      }
    });
    document.querySelectorAll("[data-figure-value]").forEach(function (element) {
      var name = element.getAttribute("data-figure-value");
      if (name in figures) {
        element.value = figures[name];
      }
    });
  }

  function schedule() {
    clearTimeout(timer);
    timer = document.hidden ? null : setTimeout(poll, every);
  }

  function poll() {
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin", cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (figures) { if (figures) { show(figures); } })
      .catch(function () { /* offline for a moment: the next poll tries again */ })
      .then(schedule);
  }

  // A hidden tab asks nothing; coming back shows fresh figures at once.
  document.addEventListener("visibilitychange", function () {
    if (document.hidden) {
      clearTimeout(timer);
      timer = null;
    } else {
      poll();
    }
  });

  schedule();
})();
