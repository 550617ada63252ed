// Material's search keys ("/", "s", "f") open the Pagefind search dialog, as they opened Material's search.
// Pagefind's own Ctrl+K / ⌘K keeps working. Keys typed into a field or with a modifier are left alone.
document.addEventListener("keydown", function (e) {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || !["/", "s", "f"].includes(e.key)) return;
  var t = e.target;
  if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
  if (document.querySelector("dialog.pf-modal[open]")) return;
  var button = document.querySelector(".lkip-cari .pf-trigger-btn");
  if (button) {
    e.preventDefault();
    button.click();
  }
});

// Pagefind's filter dropdowns are buttons with role="combobox", which take no name from their text: give each
// the label it shows ("Saring: Perangkat daerah") so screen readers announce it (axe rule button-name).
(function () {
  function beriNama(root) {
    root.querySelectorAll("pagefind-filter-dropdown .pf-dropdown-trigger").forEach(function (b) {
      var label = b.querySelector(".pf-dropdown-trigger-label");
      var teks = "Saring: " + (label ? label.textContent.trim() : b.closest("pagefind-filter-dropdown").getAttribute("label"));
      if (b.getAttribute("aria-label") !== teks) b.setAttribute("aria-label", teks);
    });
  }
  function mulai() {
    var root = document.querySelector(".lkip-cari");
    if (!root) return;
    beriNama(root);
    new MutationObserver(function () { beriNama(root); }).observe(root, { childList: true, subtree: true });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mulai);
  else mulai();
})();
