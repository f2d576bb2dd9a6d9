/*
 * The Bitbucket-like shell: opens action modals, shows flags, sizes frames and follows navigation
 * requested by Custom UI frames through the bridge. Messages are accepted only from this origin's frames.
 */
(function () {
  'use strict';
  var FLAG_TIMEOUT_MS = 8000;

  function autosubmit() {
    document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
      select.addEventListener('change', function () {
        select.form.submit();
      });
    });
  }

  var openModal = null;
  /** The frame that opened the current modal through the bridge (Forge's Modal class), told when it closes. */
  var modalOpener = null;
  function closeModal(payload) {
    if (!openModal) return;
    openModal.remove();
    openModal = null;
    if (modalOpener && modalOpener.contentWindow) {
      modalOpener.contentWindow.postMessage({ source: 'forge-local-shell', type: 'modalClosed', payload: payload }, window.location.origin);
    }
    modalOpener = null;
    document.removeEventListener('keydown', onKeydown);
  }
  function onKeydown(event) {
    if (event.key === 'Escape') closeModal();
  }

  function showModal(src, title) {
    closeModal();
    var backdrop = document.createElement('div');
    backdrop.className = 'modal-backdrop';
    backdrop.addEventListener('click', function (event) {
      if (event.target === backdrop) closeModal();
    });
    var dialog = document.createElement('div');
    dialog.className = 'modal';
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    dialog.setAttribute('aria-label', title || 'App');
    var iframe = document.createElement('iframe');
    iframe.className = 'forge-frame modal-frame';
    iframe.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-forms allow-popups');
    iframe.title = title || 'App';
    iframe.src = src;
    dialog.appendChild(iframe);
    backdrop.appendChild(dialog);
    document.body.appendChild(backdrop);
    openModal = backdrop;
    document.addEventListener('keydown', onKeydown);
  }

  function showFlag(flag) {
    if (!flag || !flag.id) return;
    closeFlag(flag.id);
    var box = document.createElement('div');
    box.className = 'flag flag-' + String(flag.type || 'info').replace(/[^a-z]/g, '');
    box.setAttribute('role', 'alert');
    box.dataset.flagId = String(flag.id);
    var title = document.createElement('strong');
    title.textContent = String(flag.title || '');
    box.appendChild(title);
    if (flag.description) {
      var description = document.createElement('p');
      description.textContent = String(flag.description);
      box.appendChild(description);
    }
    var dismiss = document.createElement('button');
    dismiss.type = 'button';
    dismiss.className = 'flag-dismiss';
    dismiss.setAttribute('aria-label', 'Dismiss');
    dismiss.textContent = '×';
    dismiss.addEventListener('click', function () {
      box.remove();
    });
    box.appendChild(dismiss);
    document.getElementById('flags').appendChild(box);
    if (flag.isAutoDismiss === true) {
      setTimeout(function () {
        box.remove();
      }, FLAG_TIMEOUT_MS);
    }
  }
  function closeFlag(id) {
    document.querySelectorAll('#flags .flag').forEach(function (box) {
      if (box.dataset.flagId === String(id)) box.remove();
    });
  }

  function navigate(url, newTab) {
    var target;
    try {
      target = new URL(url, window.location.href);
    } catch (e) {
      return;
    }
    if (target.protocol !== 'http:' && target.protocol !== 'https:') return;
    if (newTab) window.open(target.href, '_blank', 'noopener');
    else window.location.assign(target.href);
  }

  /**
   * Forge's consent step: when an invocation needs the user's permission, the product covers the app with an
   * "Allow access" prompt. Allow records the grant and reloads the app; Deny uncovers it, showing whatever the
   * app made of its rejected invoke.
   */
  var consentCount = 0;
  /** Every frame the consent step covers now: access is granted per user, so one Allow releases them all. */
  var awaitingConsent = [];
  function showConsent(iframe) {
    var holder = iframe.parentElement;
    if (!holder || holder.querySelector('.consent')) return;
    holder.classList.add('consent-holder');
    // Several frames on one page may each ask (a card and a modal): every prompt names itself.
    var titleId = 'consent-title-' + ++consentCount;
    var panel = document.createElement('div');
    panel.className = 'consent';
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-labelledby', titleId);
    var box = document.createElement('div');
    box.className = 'consent-box';
    var heading = document.createElement('h2');
    heading.id = titleId;
    heading.textContent = 'Allow access to ' + (iframe.title || 'this app') + '?';
    var text = document.createElement('p');
    text.textContent =
      'This app needs your permission to act on your behalf in Bitbucket: read repositories, pull requests and your workspace role as you.';
    var actions = document.createElement('div');
    actions.className = 'consent-actions';
    var allow = document.createElement('button');
    allow.type = 'button';
    allow.className = 'button-primary';
    allow.textContent = 'Allow access';
    var deny = document.createElement('button');
    deny.type = 'button';
    deny.textContent = 'Deny';
    var status = document.createElement('p');
    status.className = 'consent-status';
    status.setAttribute('role', 'status');
    allow.addEventListener('click', function () {
      allow.disabled = true;
      fetch('/__forge/bridge/consent', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-forge-bridge': '1' },
        body: '{}',
      }).then(
        function (response) {
          if (!response.ok) throw new Error('status ' + response.status);
          // Forge reloads the app once access is granted, so its first calls run again; the same for every frame
          // of the page that was waiting for it.
          awaitingConsent.splice(0).forEach(function (waiting) {
            waiting.panel.remove();
            waiting.iframe.contentWindow.location.reload();
          });
        },
        function () {
          allow.disabled = false;
          status.textContent = 'Access could not be granted. Try again.';
        },
      );
    });
    deny.addEventListener('click', function () {
      awaitingConsent = awaitingConsent.filter(function (waiting) {
        return waiting.panel !== panel;
      });
      panel.remove();
    });
    actions.appendChild(allow);
    actions.appendChild(deny);
    box.appendChild(heading);
    box.appendChild(text);
    box.appendChild(actions);
    box.appendChild(status);
    panel.appendChild(box);
    holder.appendChild(panel);
    awaitingConsent.push({ panel: panel, iframe: iframe });
    allow.focus();
  }

  function frameOf(source) {
    var frames = document.querySelectorAll('iframe.forge-frame');
    for (var i = 0; i < frames.length; i++) if (frames[i].contentWindow === source) return frames[i];
    return null;
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== window.location.origin || !event.data || event.data.source !== 'forge-local-bridge') return;
    var iframe = frameOf(event.source);
    if (!iframe) return;
    var message = event.data.message || {};
    switch (message.type) {
      case 'resize':
        if (iframe.hasAttribute('data-autoresize') && typeof message.height === 'number')
          iframe.style.height = Math.max(120, message.height) + 'px';
        break;
      case 'close':
        if (openModal && openModal.contains(iframe)) closeModal(message.payload);
        break;
      case 'openModal': {
        // Same place (module, repository, pull request) as the opener; another of the app's resources, with the
        // opener's context under extension.modal, as Forge does.
        var resource = typeof message.resource === 'string' && /^[a-z0-9][a-z0-9-]*$/.test(message.resource) ? message.resource : null;
        var from = new URL(iframe.src, window.location.href);
        var src = new URL(resource ? '/__forge/resources/' + resource + '/' : from.pathname, window.location.href);
        ['module', 'workspace', 'repo', 'pr', 'branch'].forEach(function (name) {
          var value = from.searchParams.get(name);
          if (value) src.searchParams.set(name, value);
        });
        src.searchParams.set('closable', '1');
        src.searchParams.set('modal', JSON.stringify(message.context || {}).slice(0, 2000));
        showModal(src.pathname + src.search, String(message.title || ''));
        modalOpener = iframe;
        break;
      }
      case 'showFlag':
        showFlag(message.flag);
        break;
      case 'closeFlag':
        closeFlag(message.id);
        break;
      case 'navigate':
        navigate(String(message.url), !!message.newTab);
        break;
      case 'needsConsent':
        showConsent(iframe);
        break;
      case 'reload':
        window.location.reload();
        break;
    }
  });

  document.addEventListener('click', function (event) {
    var button = event.target instanceof Element ? event.target.closest('[data-open-modal]') : null;
    if (!button) return;
    var menu = button.closest('details');
    if (menu) menu.open = false;
    showModal(button.getAttribute('data-open-modal'), button.getAttribute('data-modal-title'));
  });

  autosubmit();
})();
