// Shows the case's process diagram with the current steps highlighted (bpmn-js NavigatedViewer, no inline script).
// The one text comes from the page (data-messages, in the page's language).
(function () {
  var host = document.getElementById('diagram');
  if (!host || !window.BpmnJS) return;
  var messages = JSON.parse(host.getAttribute('data-messages') || '{}');
  var viewer = new window.BpmnJS({ container: host });
  fetch('/api/processes/' + encodeURIComponent(host.getAttribute('data-process')) + '/diagram', {
    credentials: 'same-origin',
    headers: { 'accept-language': document.documentElement.lang || 'pl' },
  })
    .then(function (res) {
      if (!res.ok) throw new Error(String(res.status));
      return res.text();
    })
    .then(function (xml) {
      return viewer.importXML(xml);
    })
    .then(function () {
      var canvas = viewer.get('canvas');
      canvas.zoom('fit-viewport');
      (host.getAttribute('data-active') || '')
        .split(',')
        .filter(Boolean)
        .forEach(function (id) {
          try {
            canvas.addMarker(id, 'current-step');
          } catch (e) {
            /* element of another diagram version */
          }
        });
    })
    .catch(function () {
      host.textContent = messages.loadFailed;
    });
})();
