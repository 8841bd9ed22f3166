// /modele/podglad: a loaded file goes into the content field with its name (the form then posts as usual).
(function () {
  'use strict';
  var upload = document.getElementById('preview-upload');
  var content = document.getElementById('preview-content');
  var name = document.getElementById('preview-name');
  if (!upload || !content || !name) return;
  upload.addEventListener('change', function () {
    var file = upload.files && upload.files[0];
    if (!file) return;
    file.text().then(function (text) {
      content.value = text;
      name.value = file.name;
    });
  });
})();
