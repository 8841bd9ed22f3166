// Shared by the three editors: load the file, save it as a draft (POST, then PUT), show the checks' findings as a
// list (and on the diagram, through the editor's own `mark`). No inline script: texts and state come from the host's
// data attributes (strict CSP).
export function startEditor(createEditor) {
  var host = document.getElementById('model-editor');
  if (!host) return;
  var messages = JSON.parse(host.getAttribute('data-messages') || '{}');
  var state = {
    draftId: host.getAttribute('data-draft-id') || '',
    resourceName: host.getAttribute('data-resource'),
    csrf: host.getAttribute('data-csrf'),
  };
  var status = document.getElementById('editor-status');
  var list = document.getElementById('findings');
  var save = document.getElementById('editor-save');
  var preview = document.getElementById('preview-content');
  var editor = createEditor({
    canvas: document.getElementById('editor-canvas'),
    panel: document.getElementById('editor-properties'),
  });

  function say(text) {
    if (status) status.textContent = text;
  }

  function showFindings(findings) {
    if (editor.mark)
      editor.mark(
        findings.filter(function (f) {
          return f.resource === state.resourceName;
        }),
      );
    if (!list) return;
    list.textContent = '';
    findings.forEach(function (f) {
      var li = document.createElement('li');
      li.className = f.severity === 'error' ? 'finding-error' : 'finding-warning';
      var label = document.createElement('strong');
      label.textContent = (f.severity === 'error' ? messages.error : messages.warning) + ': ';
      li.appendChild(label);
      var where = f.resource + (f.element ? ' / ' + f.element : '');
      if (f.element && editor.focus && f.resource === state.resourceName) {
        var button = document.createElement('button');
        button.type = 'button';
        button.className = 'link-button';
        button.textContent = where;
        button.addEventListener('click', function () {
          editor.focus(f.element);
        });
        li.appendChild(button);
      } else {
        li.appendChild(document.createTextNode(where));
      }
      li.appendChild(document.createTextNode(' — ' + f.message + ' (' + f.rule + ')'));
      list.appendChild(li);
    });
    if (findings.length === 0) {
      var ok = document.createElement('li');
      ok.textContent = messages.clean;
      list.appendChild(ok);
    }
  }

  fetch(host.getAttribute('data-source'), { credentials: 'same-origin' })
    .then(function (res) {
      if (!res.ok) throw new Error(String(res.status));
      return res.text();
    })
    .then(function (text) {
      return editor.load(text);
    })
    .then(function () {
      host.setAttribute('data-ready', 'true');
      showFindings(JSON.parse(host.getAttribute('data-findings') || '[]'));
      say(messages.loaded);
    })
    .catch(function (e) {
      say(messages.loadFailed + ' ' + e.message);
    });

  if (save)
    save.addEventListener('click', function () {
      save.disabled = true;
      say(messages.saving);
      Promise.resolve(editor.content())
        .then(function (content) {
          if (preview) preview.value = content;
          return fetch(state.draftId ? '/api/models/drafts/' + state.draftId : '/api/models/drafts', {
            method: state.draftId ? 'PUT' : 'POST',
            credentials: 'same-origin',
            headers: {
              'content-type': 'application/json',
              'x-csrf-token': state.csrf,
              accept: 'application/json',
            },
            body: JSON.stringify(
              state.draftId ? { content: content } : { resourceName: state.resourceName, content: content },
            ),
          });
        })
        .then(function (res) {
          return res.json().then(function (body) {
            if (!res.ok) throw new Error((body.error && body.error.message) || String(res.status));
            return body;
          });
        })
        .then(function (draft) {
          if (!state.draftId) {
            window.location.assign('/modele/szkice/' + draft.id + '?zapisano=1');
            return;
          }
          showFindings(draft.findings);
          say(
            draft.clean
              ? messages.savedClean
              : messages.savedFindings.replace('{count}', String(draft.findings.length)),
          );
        })
        .catch(function (e) {
          say(messages.saveFailed + ' ' + e.message);
        })
        .then(function () {
          save.disabled = false;
        });
    });
}
