// Pagefind search, loaded on the first search interaction (partials/pencarian.html). Until then the header holds a
// plain button; a click on it, Ctrl+K / ⌘K, or Material's search keys ("/", "s", "f") load Pagefind's Component
// UI (script and style, ≈ 210 KB) from the site's own /pagefind/ folder, then open the search dialog. No request
// to /pagefind/ happens before that (tests/browser/test_search.py). Keys typed into a field or with another
// modifier are left alone.
(function () {
  var skrip = document.currentScript;
  var dasar = new URL("../../pagefind/", skrip ? skrip.src : location.href).href;
  var janji = null;
  var siap = false;

  function tombolAsli() {
    return document.querySelector(".lkip-cari pagefind-modal-trigger .pf-trigger-btn:not(.lkip-cari__tunda)");
  }

  function tungguTombol() {
    return new Promise(function (selesai) {
      (function cek() {
        var b = tombolAsli();
        if (b && document.querySelector(".lkip-cari dialog.pf-modal")) selesai(b);
        else requestAnimationFrame(cek);
      })();
    });
  }

  function muat() {
    if (janji) return janji;
    var tunda = document.querySelector(".lkip-cari__tunda");
    if (tunda) tunda.setAttribute("aria-busy", "true");
    function berkas(tag, attrs) {
      return new Promise(function (ok, gagal) {
        var el = document.createElement(tag);
        Object.keys(attrs).forEach(function (k) { el[k] = attrs[k]; });
        el.onload = ok;
        el.onerror = gagal;
        document.head.appendChild(el);
      });
    }
    janji = Promise.all([
      berkas("link", { rel: "stylesheet", href: dasar + "pagefind-component-ui.css" }),
      berkas("script", { src: dasar + "pagefind-component-ui.js" }),
    ]).then(function () {
      return customElements.whenDefined("pagefind-modal-trigger");
    }).then(tungguTombol).then(function (b) {
      siap = true;
      return b;
    }, function (e) {
      janji = null; // offline or missing: the next interaction tries again
      if (tunda) tunda.removeAttribute("aria-busy");
      throw e;
    });
    return janji;
  }

  // Keys typed while Pagefind loads go to the query field once the dialog is open (not to the page, where
  // Material's "n"/"p" would change page).
  var ketikan = "";
  document.addEventListener("keydown", function (e) {
    if (!janji || siap || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key.length === 1 || e.key === "Backspace") {
      e.preventDefault();
      e.stopImmediatePropagation();
      ketikan = e.key === "Backspace" ? ketikan.slice(0, -1) : ketikan + e.key;
    }
  }, true);

  function buka() {
    muat().then(function (b) {
      b.click();
      var input = document.querySelector(".lkip-cari pagefind-input input");
      if (input && ketikan) {
        input.value += ketikan;
        input.dispatchEvent(new Event("input", { bubbles: true }));
      }
      ketikan = "";
    }).catch(function () {});
  }

  document.addEventListener("click", function (e) {
    if (siap || !e.target.closest) return;
    if (e.target.closest(".lkip-cari__tunda")) {
      e.preventDefault();
      buka();
    }
  });

  document.addEventListener("keydown", function (e) {
    if (e.defaultPrevented || e.altKey) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    if (document.querySelector("dialog.pf-modal[open]")) return;
    var modK = (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "k";
    if (modK) {
      if (siap) return; // Pagefind's own shortcut handles it once loaded
    } else if (e.ctrlKey || e.metaKey || !["/", "s", "f"].includes(e.key)) {
      return;
    }
    e.preventDefault();
    if (siap) tombolAsli().click();
    else buka();
  });

  // Pagefind's filter dropdowns are buttons with role="combobox", which take no name from their text: give each
  // the label it shows ("Saring: Perangkat daerah") so screen readers announce it (axe rule button-name).
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
