// The public complaint form: posts JSON to /api/complaints and shows field errors next to the fields.
// Everything shown comes from textContent (never innerHTML), so nothing typed in is ever interpreted as HTML.
(function () {
  'use strict';
  var FIELDS = ['name', 'phone', 'email', 'loanNo', 'category', 'text'];
  var form = document.getElementById('complaint-form');
  var button = document.getElementById('submit');
  var text = document.getElementById('text');

  function showError(field, message) {
    var target = document.getElementById('error-' + field) || document.getElementById('error-general');
    target.textContent = message;
    var input = document.getElementById(field);
    if (input) { input.setAttribute('aria-invalid', 'true'); }
  }

  function clearErrors() {
    FIELDS.concat(['general']).forEach(function (field) {
      document.getElementById('error-' + field).textContent = '';
      var input = document.getElementById(field);
      if (input) { input.removeAttribute('aria-invalid'); }
    });
  }

  text.addEventListener('input', function () {
    document.getElementById('text-count').textContent = String(text.value.length);
  });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    clearErrors();
    var body = { channel: 'online' };
    FIELDS.forEach(function (field) {
      var value = document.getElementById(field).value.trim();
      if (value !== '') { body[field] = value; }
    });
    button.disabled = true;
    fetch('/api/complaints', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        if (response.status === 201) {
          form.hidden = true;
          document.getElementById('receipt-id').textContent = json.complaintId;
          document.getElementById('receipt-ack').textContent = new Date(json.acknowledgeBy).toLocaleString();
          document.getElementById('receipt').hidden = false;
        } else if (response.status === 422 || response.status === 400) {
          (json.errors || []).forEach(function (e) { showError(e.field, e.message); });
        } else if (response.status === 429) {
          showError('general', 'Too many attempts. Please wait ' + (response.headers.get('Retry-After') || 'a few')
            + ' seconds and send again.');
        } else {
          showError('general', 'Sorry, something went wrong (' + response.status + '). Please try again later.');
        }
      });
    }).catch(function () {
      showError('general', 'We could not reach the server. Please check your connection and try again.');
    }).then(function () {
      button.disabled = false;
    });
  });
}());
