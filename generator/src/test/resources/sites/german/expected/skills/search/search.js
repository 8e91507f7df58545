// The skills search page's filter, over a page that lists every skill without it: the script
// shows the filter form, hides the skills (and frameworks) it leaves out and says in the status
// line how many are shown. It changes the hidden attribute and text only, never markup. The
// filter is kept in the address (?q=...&framework=...), so a filtered list can be shared.
(function () {
  "use strict";
  var form = document.getElementById("skill-filter");
  var query = document.getElementById("skill-query");
  var framework = document.getElementById("skill-framework"); // absent with one framework
  var count = document.getElementById("skill-count");
  var none = document.getElementById("skill-none");
  if (!form || !query || !count || !none) return;
  var sections = Array.prototype.slice.call(
    document.querySelectorAll("#skill-results [data-framework]"));
  var total = Number(count.getAttribute("data-total"));

  // As the page folds each skill's text: lower case, accents removed, spaces collapsed.
  function fold(text) {
    return text.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
  }

  // The words come from the page, in its language: "{0} skill", "{0} skills", "{0} of {1} shown".
  function say(name, values) {
    return (count.getAttribute("data-" + name) || "").replace(/\{(\d)\}/g, function (_, i) {
      return values[Number(i)];
    });
  }

  function skills(n) {
    return say(n === 1 ? "one" : "other", [n]);
  }

  function remember(words, chosen) {
    var params = new URLSearchParams(window.location.search);
    if (words) params.set("q", words); else params.delete("q");
    if (chosen) params.set("framework", chosen); else params.delete("framework");
    var search = params.toString();
    try {
      window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : ""));
    } catch (e) {
      // A saved copy opened over file:// may refuse: the filter works all the same.
    }
  }

  function apply() {
    var words = fold(query.value).split(" ").filter(Boolean);
    var chosen = framework ? framework.value : "";
    var shown = 0;
    sections.forEach(function (section) {
      var inFramework = !chosen || section.getAttribute("data-framework") === chosen;
      var visible = 0;
      section.querySelectorAll("[data-search]").forEach(function (skill) {
        var text = skill.getAttribute("data-search");
        var match = inFramework && words.every(function (w) { return text.indexOf(w) >= 0; });
        skill.hidden = !match;
        if (match) visible++;
      });
      section.hidden = visible === 0;
      shown += visible;
    });
    count.textContent = shown === total ? skills(total) : say("shown", [shown, skills(total)]);
    none.hidden = shown > 0;
    remember(query.value.trim(), chosen);
  }

  var params = new URLSearchParams(window.location.search);
  query.value = params.get("q") || "";
  if (framework) {
    framework.value = params.get("framework") || "";
    if (framework.selectedIndex < 0) framework.value = "";
    framework.addEventListener("change", apply);
  }
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    apply();
  });
  query.addEventListener("input", apply);
  form.hidden = false;
  apply();
})();
