// Remembers the light/dark choice in a cookie (read on the server for the first render),
// and shows <time class="local-time"> values in the browser's time zone and language, keeping the UTC value (the
// server-rendered title) on hover. A time marked data-relative="true" reads "3 days ago" / "in 2 hours" instead, with the
// local date and time and the UTC value on hover, and is brought up to date every half minute.
window.crmTheme = {
  remember: function (value) {
    document.cookie = "crmgov-theme=" + value + "; path=/; max-age=31536000; samesite=lax";
  }
};
(function () {
  var languages = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
  function formatter(options) {
    try {
      return new Intl.DateTimeFormat(languages, options);
    } catch (e) {
      return new Intl.DateTimeFormat(undefined, options); // a language tag the browser's Intl does not accept
    }
  }
  // "09.03.2026, 18:04:05" in German, "9 Mar 2026, 18:04:05" in British English, "Mar 9, 2026, 6:04:05 PM" in US English.
  var dateTime = formatter({ dateStyle: "medium", timeStyle: "medium" });
  var relative = null;
  try {
    relative = new Intl.RelativeTimeFormat(languages, { numeric: "auto" });
  } catch (e) {
    try {
      relative = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
    } catch (e2) {
      relative = null; // no RelativeTimeFormat: relative times stay absolute
    }
  }
  // The largest unit that fits ("3 days ago" rather than "72 hours ago"); seconds are rounded to whole units.
  var units = [["year", 31536000], ["month", 2592000], ["week", 604800], ["day", 86400], ["hour", 3600], ["minute", 60], ["second", 1]];
  function ago(d) {
    var seconds = (d.getTime() - Date.now()) / 1000;
    for (var i = 0; i < units.length; i++) {
      if (Math.abs(seconds) >= units[i][1] || units[i][0] === "second") {
        return relative.format(Math.round(seconds / units[i][1]), units[i][0]);
      }
    }
  }
  function utcText(d) {
    return d.toISOString().slice(0, 19).replace("T", " ") + " UTC";
  }

  function localize(el) {
    var iso = el.getAttribute("datetime");
    var d = new Date(iso);
    if (isNaN(d)) {
      return;
    }
    var absolute = dateTime.format(d);
    var text = absolute;
    if (relative && el.getAttribute("data-relative") === "true") {
      text = ago(d);
      var title = absolute + " (" + utcText(d) + ")";
      if (el.getAttribute("title") !== title) {
        el.setAttribute("title", title);
      }
    }
    if (el.textContent !== text) {
      // Change the text node Blazor rendered rather than replace it: Blazor keeps a reference to it and writes the
      // next value there, which this observer then sees and localizes again.
      var node = el.firstChild;
      if (node && node.nodeType === 3 && !node.nextSibling) {
        node.nodeValue = text;
      } else {
        el.textContent = text;
      }
    }
    if (el.getAttribute("data-localized") !== iso) {
      el.setAttribute("data-localized", iso); // done for this value (tests wait for it)
    }
  }
  function localizeAll(root) {
    // Cheap when nothing changed: localize writes only text that differs, so its own writes end the loop.
    root.querySelectorAll("time.local-time").forEach(localize);
  }
  new MutationObserver(function () { localizeAll(document); })
    .observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ["datetime"] });
  document.addEventListener("DOMContentLoaded", function () { localizeAll(document); });
  // "2 minutes ago" grows older.
  setInterval(function () { document.querySelectorAll("time.local-time[data-relative=true]").forEach(localize); }, 30000);
})();
