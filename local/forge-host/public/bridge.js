/*
 * The local stand-in for the Forge product bridge. @forge/bridge calls window.__bridge.callBridge(name, payload);
 * backend calls go to the local host (which decides who the user is), UI calls go to the shell page that
 * embeds this frame. Loaded as an external script before the app's own scripts.
 */
(function () {
  'use strict';
  var params = new URLSearchParams(window.location.search);
  var frame = {
    module: params.get('module') || '',
    workspace: params.get('workspace') || undefined,
    repo: params.get('repo') || undefined,
    pr: params.get('pr') || undefined,
    branch: params.get('branch') || undefined,
    modal: params.get('modal') || undefined,
  };
  /** The onClose of the modal this frame opened (Forge's Modal class); the shell says when it closed. */
  var modalOnClose = null;
  window.addEventListener('message', function (event) {
    if (event.source !== window.parent || event.origin !== window.location.origin) return;
    if (!event.data || event.data.source !== 'forge-local-shell' || event.data.type !== 'modalClosed') return;
    var onClose = modalOnClose;
    modalOnClose = null;
    if (typeof onClose === 'function') onClose(event.data.payload);
  });
  var closable = params.get('closable') === '1';
  var frameId = frame.module + ':' + Math.random().toString(36).slice(2);
  var contextPromise = null;

  function post(path, body) {
    return fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-forge-bridge': '1' },
      body: JSON.stringify(body),
    }).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) {
          var message = (data && data.error && data.error.message) || 'Request failed with status ' + response.status;
          var error = new Error(message);
          error.code = data && data.error && data.error.code;
          throw error;
        }
        return data;
      });
    });
  }

  function toShell(message) {
    if (window.parent === window) return false;
    // Functions (e.g. flag action callbacks) cannot cross postMessage; only data does.
    window.parent.postMessage(
      JSON.parse(JSON.stringify({ source: 'forge-local-bridge', frameId: frameId, message: message })),
      window.location.origin,
    );
    return true;
  }

  var handlers = {
    invoke: function (payload) {
      return post('/__forge/bridge/invoke', {
        frame: frame,
        functionKey: payload && payload.functionKey,
        payload: payload && payload.payload,
      }).then(
        function (data) {
          return data.result;
        },
        function (error) {
          // The product, not the app, asks the user for access: the shell puts "Allow access" over this frame.
          if (error.code === 'NEEDS_AUTHENTICATION_ERR') toShell({ type: 'needsConsent' });
          var rejected = new Error('There was an error invoking the function - ' + error.message);
          // What the app may rely on (static/shared/invoke-rejection.ts): the reason as a name, not in the text.
          if (error.code === 'NEEDS_AUTHENTICATION_ERR') rejected.name = error.code;
          throw rejected;
        },
      );
    },
    getContext: function () {
      if (!contextPromise) {
        contextPromise = post('/__forge/bridge/context', { frame: frame }).then(function (data) {
          return data.context;
        });
        contextPromise.catch(function () {
          contextPromise = null;
        });
      }
      return contextPromise;
    },
    close: function (payload) {
      if (!closable) return false;
      return toShell({ type: 'close', payload: payload });
    },
    openModal: function (options) {
      var resource = options && typeof options.resource === 'string' ? options.resource : null;
      modalOnClose = options && typeof options.onClose === 'function' ? options.onClose : null;
      return toShell({
        type: 'openModal',
        resource: resource,
        title: options && typeof options.title === 'string' ? options.title : '',
        context: options && options.context !== undefined ? options.context : {},
      });
    },
    showFlag: function (options) {
      return toShell({ type: 'showFlag', flag: options });
    },
    closeFlag: function (payload) {
      return toShell({ type: 'closeFlag', id: payload && payload.id });
    },
    navigate: function (location) {
      if (!location || typeof location.url !== 'string') throw new Error('Only URL navigation is available in the local host.');
      return toShell({ type: 'navigate', url: location.url, newTab: location.type === 'new-tab' });
    },
    reload: function () {
      return toShell({ type: 'reload' });
    },
    getFrameId: function () {
      return frameId;
    },
    enableTheming: function () {
      return undefined;
    },
    emitReadyEvent: function () {
      return undefined;
    },
    emit: function () {
      return undefined;
    },
    on: function () {
      return undefined;
    },
    changeWindowTitle: function () {
      return undefined;
    },
  };

  window.__bridge = {
    callBridge: function (name, payload) {
      var handler = handlers[name];
      if (!handler) return Promise.reject(new Error('The local Forge host does not support bridge call "' + name + '".'));
      return new Promise(function (resolve) {
        resolve(handler(payload));
      });
    },
  };

  /**
   * Where the content ends. Not the document's scrollHeight: with the body pinned to the viewport that is the
   * frame's own height, and growing the frame to it would grow it again.
   */
  function contentHeight() {
    var bottom = 0;
    Array.prototype.forEach.call(document.body.children, function (el) {
      var box = el.getBoundingClientRect();
      if (box.height > 0) bottom = Math.max(bottom, box.bottom + window.scrollY);
    });
    return Math.ceil(bottom) || Math.ceil(document.documentElement.scrollHeight);
  }

  function reportHeight() {
    toShell({ type: 'resize', height: contentHeight() });
  }
  if (window.parent !== window && typeof ResizeObserver === 'function') {
    document.addEventListener('DOMContentLoaded', function () {
      // The body is often pinned to the viewport (height: 100%), so it never resizes; the app's root does.
      var observer = new ResizeObserver(reportHeight);
      observer.observe(document.body);
      Array.prototype.forEach.call(document.body.children, function (child) {
        observer.observe(child);
      });
      reportHeight();
    });
  }
})();
