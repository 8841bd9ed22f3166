// The form editor: bpmn.io form-js editor (its own properties panel); findings as a list.
import { FormEditor } from '@bpmn-io/form-js-editor';
import { startEditor } from './editor-common';

startEditor(function (parts) {
  var editor = new FormEditor({ container: parts.canvas });
  return {
    load: function (text) {
      return editor.importSchema(JSON.parse(text));
    },
    content: function () {
      return JSON.stringify(editor.saveSchema(), null, 2) + '\n';
    },
  };
});
