/*
 * The dashboard's shared behaviour, plain JavaScript: confirmations, copy buttons, print
 * buttons, coupon-code uploads with a progress bar, and the new-campaign form.
 * Text from the server is only ever set with textContent, never parsed as HTML.
 */
(function () {
  'use strict';

  var csrfMeta = document.querySelector('meta[name="csrf-token"]');
  var csrf = csrfMeta ? csrfMeta.getAttribute('content') : '';
  var numbers = new Intl.NumberFormat('en-US');

  window.SmartEngage = { csrf: csrf, numbers: numbers };

  document.addEventListener('submit', function (event) {
    var form = event.target;
    var question = form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });

  document.addEventListener('click', function (event) {
    var copy = event.target.closest('[data-copy]');
    if (copy) {
      var source = document.querySelector(copy.getAttribute('data-copy'));
      if (source) {
        copyText(source.textContent.trim(), copy);
      }
    }
    if (event.target.closest('[data-print]')) {
      window.print();
    }
  });

  function copyText(text, button) {
    var done = function () {
      var label = button.textContent;
      button.textContent = 'Copied';
      setTimeout(function () { button.textContent = label; }, 2000);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text); done(); });
    } else {
      fallbackCopy(text);
      done();
    }
  }

  function fallbackCopy(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'offscreen';
    document.body.appendChild(area);
    area.select();
    try { document.execCommand('copy'); } catch (e) { /* the key stays selectable by hand */ }
    document.body.removeChild(area);
  }

  /** Sends a file as the request body, reporting progress; resolves with the parsed JSON answer. */
  function upload(url, file, box) {
    var bar = box.querySelector('progress');
    var status = box.querySelector('.upload-status');
    box.hidden = false;
    bar.value = 0;
    status.textContent = 'Uploading ' + file.name + '…';
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      xhr.open('POST', url);
      xhr.setRequestHeader('X-CSRF-Token', csrf);
      xhr.setRequestHeader('Content-Type', 'text/csv');
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.upload.addEventListener('progress', function (e) {
        if (e.lengthComputable) {
          bar.value = Math.round(100 * e.loaded / e.total);
          status.textContent = 'Uploading ' + file.name + ': ' + bar.value + '%';
        }
      });
      xhr.upload.addEventListener('load', function () {
        bar.value = 100;
        status.textContent = 'Uploaded; adding the codes to the pool…';
      });
      xhr.addEventListener('load', function () {
        var body = null;
        try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
        if (xhr.status >= 200 && xhr.status < 300 && body) {
          var text = numbers.format(body.imported) + ' codes added to the pool';
          if (body.duplicates > 0) {
            text += '; ' + numbers.format(body.duplicates) + ' skipped as duplicates'
              + (body.duplicate_codes && body.duplicate_codes.length ? ' (e.g. ' + body.duplicate_codes.slice(0, 3).join(', ') + ')' : '');
          }
          status.textContent = text + '.';
          resolve(body);
        } else {
          if (xhr.status === 401) {
            window.location.assign('/dashboard/login?next=' + encodeURIComponent(window.location.pathname));
          }
          var message = body && body.error_msg ? body.error_msg : 'The upload failed (HTTP ' + xhr.status + ').';
          status.textContent = message;
          reject(new Error(message));
        }
      });
      xhr.addEventListener('error', function () {
        status.textContent = 'The upload failed: the server could not be reached.';
        reject(new Error('network'));
      });
      xhr.send(file);
    });
  }

  window.SmartEngage.upload = upload;

  // "Add codes" on a campaign's page.
  document.querySelectorAll('form[data-upload-url]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var input = form.querySelector('[data-upload-file]');
      if (!input.files.length) {
        return;
      }
      var button = form.querySelector('button[type="submit"]');
      button.disabled = true;
      upload(form.getAttribute('data-upload-url'), input.files[0], form.querySelector('[data-upload-progress]'))
        .then(function () {
          input.value = '';
          document.dispatchEvent(new CustomEvent('smartengage:changed'));
        }, function () { /* the status line says why */ })
        .then(function () { button.disabled = false; });
    });
  });

  // The new-campaign form: with codes to upload, create the campaign first, then upload with progress.
  var campaignForm = document.getElementById('campaign-form');
  if (campaignForm) {
    var error = document.getElementById('form-error');
    campaignForm.addEventListener('submit', function (event) {
      var choice = campaignForm.querySelector('input[name="coupons"]:checked');
      if (!choice || choice.value !== 'upload') {
        return;
      }
      event.preventDefault();
      var input = campaignForm.querySelector('[data-upload-file]');
      if (!input.files.length) {
        showError('Choose the file of codes to upload, or pick another coupon option.');
        return;
      }
      var button = campaignForm.querySelector('button[type="submit"]');
      button.disabled = true;
      error.hidden = true;
      var created = null;
      var body = new URLSearchParams(new FormData(campaignForm));
      fetch(campaignForm.getAttribute('data-api'), {
        method: 'POST',
        headers: { 'X-CSRF-Token': csrf, 'Accept': 'application/json' },
        body: body,
        credentials: 'same-origin'
      }).then(function (response) {
        return response.json().then(function (json) { return { ok: response.ok, json: json }; });
      }).then(function (answer) {
        if (!answer.ok) {
          throw new Error(answer.json.error_msg || 'The campaign could not be created.');
        }
        var target = answer.json.url;
        created = target;
        return upload('/dashboard/api/campaigns/' + answer.json.id + '/coupon-codes', input.files[0],
          campaignForm.querySelector('[data-upload-progress]'))
          .then(function () {
            window.location.assign(target + '?created');
          }, function (e) {
            throw new Error('The campaign was created, but its codes were not added: ' + e.message
              + ' Open the campaign to upload them again.');
          });
      }).catch(function (e) {
        showError(e.message);
        if (created) {
          // The campaign exists: sending the form again would make a second one.
          var link = document.createElement('a');
          link.className = 'btn btn-primary';
          link.href = created;
          link.textContent = 'Open the campaign';
          button.replaceWith(link);
        } else {
          button.disabled = false;
        }
      });
    });

    function showError(message) {
      error.textContent = message;
      error.hidden = false;
      error.scrollIntoView({ block: 'center' });
    }
  }
})();
