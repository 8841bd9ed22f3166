// First contact: when a PESEL is typed, tell the clerk whether the person is already a client (and their open
// cases) before a new case is opened. The server recognises the client by PESEL anyway.
(function () {
  var input = document.getElementById('field-pesel');
  var status = document.getElementById('duplicate-status');
  if (!input || !status) return;
  input.addEventListener('change', function () {
    var pesel = input.value.trim();
    status.textContent = '';
    if (!/^\d{11}$/.test(pesel)) return;
    fetch('/api/clients/lookup?pesel=' + encodeURIComponent(pesel), {
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
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
          status.textContent = 'Nowa osoba — nie ma jej w ewidencji.';
          return;
        }
        var cases = body.openCases.map(function (c) {
          return c.caseNumber;
        });
        status.textContent =
          'Osoba jest już w ewidencji: ' +
          body.client.firstName +
          ' ' +
          body.client.lastName +
          (cases.length ? ' — otwarte sprawy: ' + cases.join(', ') + '.' : ' — bez otwartych spraw.') +
          ' Nowy wniosek zostanie dołączony do tej osoby.';
      })
      .catch(function () {});
  });
})();
