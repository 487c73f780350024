// Progressive enhancements only: every page works without this file.
(function () {
  "use strict";

  // On a phone the directory's filters come before its results: show only the filters in use.
  var narrow = window.matchMedia("(max-width: 59.99rem)");

  function collapseFacets(root) {
    if (!narrow.matches) {
      return;
    }
    root.querySelectorAll("details[data-facet]:not([data-active])").forEach(function (details) {
      details.open = false;
    });
  }

  collapseFacets(document);

  // Live filtering: a changed filter, sort or page size reloads the result in place, with the
  // same address a submitted form would give, and keeps the focus where it was.
  var form = document.querySelector("form[data-live-filter]");
  if (!form || !window.fetch || !window.DOMParser || !window.URLSearchParams) {
    return;
  }
  var status = document.getElementById("live-status");
  var pending = null;
  var pushed = false;

  function addressOf(form) {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      // Empty and default values add nothing: they stay out of the address.
      var field = form.elements[name];
      var fallback = field && field.dataset ? field.dataset.default : undefined;
      if (value !== "" && value !== fallback) {
        params.append(name, value);
      }
    });
    var query = params.toString();
    return form.action + (query ? "?" + query : "");
  }

  function swap(doc, selector) {
    var current = document.querySelector(selector);
    var next = doc.querySelector(selector);
    if (!current || !next) {
      return false;
    }
    // Keep the facets the reader opened or closed as they were.
    var open = Array.prototype.map.call(current.querySelectorAll("details"), function (d) {
      return d.open;
    });
    current.innerHTML = next.innerHTML;
    current.querySelectorAll("details").forEach(function (details, index) {
      if (index < open.length) {
        details.open = open[index];
      }
    });
    return true;
  }

  function refocus(name, value, id) {
    var target = id ? document.getElementById(id) : null;
    if (!target && name) {
      target = form.querySelector(
        '[name="' + CSS.escape(name) + '"][value="' + CSS.escape(value) + '"]'
      );
    }
    if (target) {
      target.focus();
    }
  }

  function refresh(changed) {
    var address = addressOf(form);
    if (pending) {
      pending.abort();
    }
    pending = new AbortController();
    form.setAttribute("aria-busy", "true");
    fetch(address, { signal: pending.signal, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        if (!swap(doc, "#results") || !swap(doc, "#facets")) {
          throw new Error("unexpected page");
        }
        document.title = doc.title;
        window.history.pushState({ liveFilter: true }, "", address);
        pushed = true;
        var count = document.getElementById("results-count");
        if (status && count) {
          status.textContent = count.textContent.trim();
        }
        refocus(changed.name, changed.value, changed.id);
      })
      .catch(function (error) {
        if (error.name !== "AbortError") {
          form.submit();
        }
      })
      .finally(function () {
        form.removeAttribute("aria-busy");
      });
  }

  form.addEventListener("change", function (event) {
    var target = event.target;
    // Words and dates are sent with the buttons, not on every keystroke.
    if (target.type === "search" || target.type === "date" || target.type === "text") {
      return;
    }
    refresh(target);
  });

  // Back and forward between filtered results: the page shown must match the address.
  window.addEventListener("popstate", function () {
    if (pushed) {
      window.location.reload();
    }
  });
})();
