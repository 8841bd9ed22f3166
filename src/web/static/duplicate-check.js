// First contact: when a PESEL is typed, tell the clerk whether the person is already a client (and their open
// cases) before a new case is opened. The server recognises the client by PESEL anyway. The texts come from the
// page (data-messages on the status line, in the page's language; {name} and {cases} are filled in here).
(function () {
  var input = document.getElementById('field-pesel');
  var status = document.getElementById('duplicate-status');
  if (!input || !status) return;
  var messages = JSON.parse(status.getAttribute('data-messages') || '{}');
  function fill(text, values) {
    return String(text || '').replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole;
    });
  }
  input.addEventListener('change', function () {
    var pesel = input.value.trim();
    status.textContent = '';
    if (!/^\d{11}$/.test(pesel)) return;
    fetch('/api/clients/lookup?pesel=' + encodeURIComponent(pesel), {
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'accept-language': document.documentElement.lang || 'pl' },
    })
      .then(function (res) {
        return res.json();
      })
      .then(function (body) {
        if (body.error) {
          status.textContent = body.error.message;
          return;
        }
        if (!body.found) {
          status.textContent = messages.newPerson;
          return;
        }
        var cases = body.openCases.map(function (c) {
          return c.caseNumber;
        });
        var name = body.client.firstName + ' ' + body.client.lastName;
        status.textContent = cases.length
          ? fill(messages.foundWithCases, { name: name, cases: cases.join(', ') })
          : fill(messages.foundNoCases, { name: name });
      })
      .catch(function () {});
  });
})();
