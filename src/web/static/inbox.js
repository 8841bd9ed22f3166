// Refreshes the inbox table every 20 s without reloading the page (no inline script: CSP 'self').
(function () {
  var box = document.getElementById('inbox');
  if (!box) return;
  var url = box.getAttribute('data-refresh');
  function refresh() {
    if (document.hidden || box.contains(document.activeElement)) return;
    fetch(url, { credentials: 'same-origin', headers: { accept: 'text/html' } })
      .then(function (res) {
        return res.ok ? res.text() : null;
      })
      .then(function (html) {
        if (html !== null) box.innerHTML = html;
      })
      .catch(function () {});
  }
  setInterval(refresh, 20000);
})();
