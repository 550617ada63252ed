// Keyboard use of the navigation drawer on phones and tablets (below Material's 76.25em breakpoint).
// Material opens the drawer, and each menu level in it, with <label>s for hidden checkboxes: the menu button
// and most level buttons cannot take focus, and the closed drawer's links stay in the tab order off screen.
// Here the labels become named buttons (Enter or Space) and focus follows to the level now shown; Esc closes
// the drawer and returns focus to the menu button; focus leaving the drawer closes it; the closed drawer is
// inert. lkip.css hides the levels that are not shown. Without JavaScript the page works as Material made it.
// Checked by tests/browser/test_a11y.py.
(function () {
  var toggle = document.getElementById("__drawer");
  var drawer = document.querySelector(".md-sidebar--primary");
  var button = document.querySelector('.md-header label[for="__drawer"]');
  if (!toggle || !drawer || !button) return;
  var narrow = window.matchMedia("(max-width: 76.234375em)");
  var levelLabels = [].slice.call(drawer.querySelectorAll("label.md-nav__link[for], label.md-nav__title[for]"))
    .filter(function (l) { return l.htmlFor !== "__drawer" && document.getElementById(l.htmlFor); });
  levelLabels.forEach(function (l) { l.setAttribute("data-lkip-tabindex", l.getAttribute("tabindex") || ""); });

  button.setAttribute("role", "button");
  button.setAttribute("tabindex", "0");
  button.setAttribute("aria-label", "Menu navigasi");

  function text(el) {
    return el ? el.textContent.replace(/\s+/g, " ").trim() : "";
  }

  function sync() {
    button.setAttribute("aria-expanded", String(toggle.checked));
    if (narrow.matches && !toggle.checked) drawer.setAttribute("inert", "");
    else drawer.removeAttribute("inert");
    levelLabels.forEach(function (l) {
      var back = l.classList.contains("md-nav__title");
      if (!narrow.matches) {
        var old = l.getAttribute("data-lkip-tabindex");
        if (old) l.setAttribute("tabindex", old);
        else l.removeAttribute("tabindex");
        ["role", "aria-label", "aria-expanded"].forEach(function (a) { l.removeAttribute(a); });
        return;
      }
      l.setAttribute("tabindex", "0");
      l.setAttribute("role", "button");
      var title = text(drawer.querySelector('label.md-nav__title[for="' + l.htmlFor + '"]'));
      if (back) l.setAttribute("aria-label", "Kembali dari " + title);
      else {
        if (!text(l)) l.setAttribute("aria-label", "Buka menu " + title);
        l.setAttribute("aria-expanded", String(document.getElementById(l.htmlFor).checked));
      }
    });
  }

  function firstShown() {
    var all = drawer.querySelectorAll("a[href], [tabindex='0']");
    for (var i = 0; i < all.length; i++) {
      var r = all[i].getBoundingClientRect();
      if (r.width && r.height && getComputedStyle(all[i]).visibility === "visible") return all[i];
    }
    return null;
  }

  function activate(e, el) {
    if (e.key !== "Enter" && e.key !== " ") return;
    // Material clicks a focused label on Enter itself; stop that so the label is clicked once
    e.preventDefault();
    e.stopPropagation();
    el.click();
  }

  button.addEventListener("keydown", function (e) {
    activate(e, button);
    if ((e.key === "Enter" || e.key === " ") && toggle.checked) {
      var first = firstShown();
      if (first) first.focus();
    }
  });
  levelLabels.forEach(function (l) {
    l.addEventListener("keydown", function (e) { if (narrow.matches) activate(e, l); });
  });
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Escape" || !toggle.checked || !narrow.matches) return;
    toggle.click();
    button.focus();
  });
  // the drawer covers the page: when focus leaves it (Tab past its last link), it closes
  document.addEventListener("focusin", function (e) {
    if (narrow.matches && toggle.checked && !drawer.contains(e.target)) toggle.click();
  });
  // a level opened or closed: focus its back button, or the button that opened it
  drawer.addEventListener("change", function (e) {
    var t = e.target;
    if (!narrow.matches || !t.classList.contains("md-nav__toggle")) return;
    sync();
    var next = drawer.querySelector((t.checked ? "label.md-nav__title" : "label.md-nav__link") + '[for="' + t.id + '"]');
    if (next && drawer.contains(document.activeElement)) next.focus();
  });
  toggle.addEventListener("change", sync);
  if (narrow.addEventListener) narrow.addEventListener("change", sync);
  sync();
})();

// Tables that fit (lkip.css "Tables that fit a phone"): a table still wider than its box is shown as stacked rows
// (class "susun-js"), its cells labelled with their column. Runs on load and on resize. (Explicit ARIA table roles
// are not added: axe rejects a caption inside role="table", and Chromium and Firefox keep the native semantics.)
(function () {
  function label(table) {
    var heads = table.tHead ? table.tHead.rows : [];
    var last = heads.length ? [].slice.call(heads[heads.length - 1].cells) : [];
    [].forEach.call(table.querySelectorAll(":scope > tbody > tr, :scope > tfoot > tr"), function (tr) {
      [].forEach.call(tr.cells, function (cell, i) {
        if (!cell.hasAttribute("data-label") && last[i] && tr.cells.length === last.length) cell.setAttribute("data-label", last[i].textContent.trim());
      });
    });
  }
  function fit() {
    document.querySelectorAll(".md-typeset table.lkip").forEach(function (table) {
      var box = table.parentElement;
      if (table.classList.contains("susun-js") && box.dataset.lkipLebar && box.clientWidth > +box.dataset.lkipLebar) {
        table.classList.remove("susun-js"); // room again (wider window): back to a plain table
      }
      if (!table.classList.contains("susun-js") && table.scrollWidth > box.clientWidth + 1) {
        box.dataset.lkipLebar = table.scrollWidth;
        label(table);
        table.classList.add("susun-js");
      }
    });
  }
  var t;
  function later() { clearTimeout(t); t = setTimeout(fit, 150); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fit);
  else fit();
  window.addEventListener("resize", later);
})();

/* BAB III's sticky "Di halaman ini" menu (issue 14 part A): a chosen link closes the menu so it does not cover
   the section it leads to. Without script the menu still works; it is then closed by its own summary. */
(function () {
  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("nav.di-halaman a[href^='#']");
    var d = a && a.closest("details");
    if (d) d.open = false;
  });
})();
