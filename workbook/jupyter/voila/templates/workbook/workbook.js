/* The workbook's page script: runs before Voila's own, so it sees every websocket.
 *
 * 1. Connection watch. If the kernel dies, jupyter_server restarts it blank and the
 *    page would carry on as if nothing happened, while Save quietly does nothing.
 *    Here the kernel's websocket is watched: a "restarting" or "dead" status, or a
 *    socket that closes and is not replaced, shows a notice saying what was saved.
 * 2. Text limit. Each field's whole text goes over the websocket on every change,
 *    and a very large paste (over 10 MB) makes the server drop the connection. A
 *    paste or typing that would take a box past the workbook's own limit is refused
 *    here, with a message; the box keeps what it had, the clipboard keeps the paste.
 * 3. Step headings. When a step changes, focus moves to the new step's heading, so
 *    keyboard and screen reader users land at the top of the step.
 * 5. Slider names. ipywidgets' slider handle (role="slider") is not tied to the
 *    slider's visible label, so a screen reader would announce a nameless slider; each
 *    handle is pointed at its label.
 * 6. Radio groups. ipywidgets' radio buttons share no `name` and no group role, so
 *    Tab stops at every option and a screen reader never hears the question. Each
 *    group gets a shared name (Tab enters once, arrows choose) and is a labelled
 *    radiogroup.
 * 4. Last keystrokes. ipywidgets holds back a value change while the kernel is busy
 *    with the one before, so the last few keystrokes can still be in the page when
 *    the tab is closed or reloaded. When the page is hidden, any text box whose
 *    words differ from what was last sent is sent once more, straight away.
 */
(function () {
  "use strict";

  // Must match workbook.records.base.MAX_TEXT (a test checks).
  var MAX_TEXT = 20000;
  var KERNEL_SOCKET = /\/api\/kernels\/([^/]+)\/channels/;
  var LOST_STATES = ["restarting", "autorestarting", "dead"];
  // Status messages are small; larger messages (widget data) are not decoded to look.
  var STATUS_MAX_BYTES = 8192;
  var REPLACE_WAIT_MS = 1500;

  // -- 1. connection watch ---------------------------------------------------------
  var lost = false;
  var openSockets = {};

  function lastConfirmed() {
    var found = [];
    var notes = document.querySelectorAll(".wb-autosave, .wb-notice-success");
    for (var i = 0; i < notes.length; i++) {
      var text = (notes[i].textContent || "").trim();
      if (text) found.push(text);
    }
    return found;
  }

  function showLost() {
    if (lost) return;
    lost = true;
    var confirmed = lastConfirmed();
    var box = document.createElement("div");
    box.className = "wb-connection-lost";
    box.setAttribute("role", "alertdialog");
    box.setAttribute("aria-labelledby", "wb-lost-title");
    box.setAttribute("aria-describedby", "wb-lost-text");
    var title = document.createElement("h2");
    title.id = "wb-lost-title";
    title.tabIndex = -1;
    title.textContent = "The workbook has lost its connection";
    var text = document.createElement("div");
    text.id = "wb-lost-text";
    var p1 = document.createElement("p");
    p1.textContent = "This page cannot save anything more.";
    text.appendChild(p1);
    var p2 = document.createElement("p");
    if (confirmed.length) {
      p2.textContent = "What was saved is safe on this computer. The last thing the " +
        "workbook confirmed was: \u201c" + confirmed.join(" ") + "\u201d";
    } else {
      p2.textContent = "Nothing from this page had been saved yet.";
    }
    text.appendChild(p2);
    var p3 = document.createElement("p");
    p3.textContent = "Anything typed after that is still on the screen, so you can " +
      "copy it first. Reloading starts the page again and offers your draft back.";
    text.appendChild(p3);
    var reload = document.createElement("button");
    reload.type = "button";
    reload.className = "wb-reload";
    reload.textContent = "Reload the page";
    reload.addEventListener("click", function () { window.location.reload(); });
    box.appendChild(title);
    box.appendChild(text);
    box.appendChild(reload);
    document.body.insertBefore(box, document.body.firstChild);
    document.body.classList.add("wb-is-lost");
    title.focus();
  }

  function saysKernelLost(data) {
    var size = typeof data === "string" ? data.length : data.byteLength;
    if (!(size < STATUS_MAX_BYTES)) return false;
    var msg = decodeMessage(data);
    return !!(msg && msg.header && msg.header.msg_type === "status" && msg.content &&
      LOST_STATES.indexOf(msg.content.execution_state) >= 0);
  }

  // -- kernel messages (jupyter_server's v1 websocket protocol, or plain JSON) ------
  function decodeMessage(data) {
    try {
      if (typeof data === "string") return JSON.parse(data);
      var view = new DataView(data);
      var count = Number(view.getBigUint64(0, true));
      var offsets = [];
      for (var i = 0; i < count; i++) {
        offsets.push(Number(view.getBigUint64(8 * (i + 1), true)));
      }
      var decoder = new TextDecoder("utf-8");
      var part = function (n) {
        return decoder.decode(new Uint8Array(data, offsets[n], offsets[n + 1] - offsets[n]));
      };
      if (count < 6) return null;
      return {
        binary: true,
        channel: part(0),
        header: JSON.parse(part(1)),
        parent_header: JSON.parse(part(2)),
        metadata: JSON.parse(part(3)),
        content: JSON.parse(part(4)),
      };
    } catch (e) {
      return null;
    }
  }

  function encodeMessage(msg, binary) {
    if (!binary) return JSON.stringify(msg);
    var encoder = new TextEncoder();
    var parts = [msg.channel, JSON.stringify(msg.header), JSON.stringify(msg.parent_header),
      JSON.stringify(msg.metadata), JSON.stringify(msg.content)].map(function (t) {
      return encoder.encode(t);
    });
    var head = 8 * (parts.length + 2);
    var size = parts.reduce(function (sum, p) { return sum + p.length; }, head);
    var out = new ArrayBuffer(size);
    var view = new DataView(out);
    view.setBigUint64(0, BigInt(parts.length + 1), true);
    var at = head;
    for (var i = 0; i <= parts.length; i++) {
      view.setBigUint64(8 * (i + 1), BigInt(at), true);
      if (i < parts.length) {
        new Uint8Array(out, at, parts[i].length).set(parts[i]);
        at += parts[i].length;
      }
    }
    return out;
  }

  // -- 4. last keystrokes ------------------------------------------------------------
  var typing = null;          // the text box whose input event is being handled
  var commOf = new WeakMap(); // text box -> its widget model's comm id
  var sentValue = {};         // comm id -> the text last sent to the kernel
  var lastUpdate = null;      // {socket, template message} to send more like it

  function noteSent(ws, data) {
    if (typeof data !== "string" && !(data instanceof ArrayBuffer)) return;
    var msg = decodeMessage(data);
    if (!msg || !msg.header || msg.header.msg_type !== "comm_msg") return;
    var body = msg.content && msg.content.data;
    if (!body || body.method !== "update" || !body.state) return;
    if (typeof body.state.value !== "string") return;
    var comm = msg.content.comm_id;
    sentValue[comm] = body.state.value;
    lastUpdate = { socket: ws, msg: msg, binary: typeof data !== "string" };
    if (typing && typing.value === body.state.value) commOf.set(typing, comm);
  }

  document.addEventListener("input", function (event) {
    if (isTextBox(event.target)) typing = event.target;
  }, true);
  document.addEventListener("input", function () { typing = null; }, false);

  function flushTyping() {
    if (!lastUpdate || lastUpdate.socket.readyState !== 1) return;
    var boxes = document.querySelectorAll("textarea, input[type=text]");
    for (var i = 0; i < boxes.length; i++) {
      var comm = commOf.get(boxes[i]);
      if (!comm || sentValue[comm] === boxes[i].value) continue;
      var t = lastUpdate.msg;
      var header = Object.assign({}, t.header, {
        msg_id: (window.crypto && crypto.randomUUID) ? crypto.randomUUID()
          : String(Date.now()) + Math.random(),
        date: new Date().toISOString(),
      });
      var msg = {
        channel: t.channel || "shell",
        header: header,
        parent_header: {},
        metadata: t.metadata || {},
        content: {
          comm_id: comm,
          data: { method: "update", state: { value: boxes[i].value }, buffer_paths: [] },
        },
      };
      if (!lastUpdate.binary) msg.buffers = [];
      sentValue[comm] = boxes[i].value;
      lastUpdate.socket.send(encodeMessage(msg, lastUpdate.binary));
    }
  }
  window.addEventListener("pagehide", flushTyping);
  window.addEventListener("beforeunload", flushTyping);

  var NativeWebSocket = window.WebSocket;
  function WatchedWebSocket(url, protocols) {
    var ws = protocols === undefined ? new NativeWebSocket(url)
      : new NativeWebSocket(url, protocols);
    var match = KERNEL_SOCKET.exec(String(url));
    if (match) {
      var kernel = match[1];
      var nativeSend = ws.send;
      ws.send = function (data) {
        noteSent(ws, data);
        return nativeSend.call(ws, data);
      };
      ws.addEventListener("open", function () {
        openSockets[kernel] = (openSockets[kernel] || 0) + 1;
      });
      ws.addEventListener("message", function (event) {
        if (saysKernelLost(event.data)) showLost();
      });
      ws.addEventListener("close", function (event) {
        if (event.wasClean && event.code === 1000) return;  // closed on purpose
        openSockets[kernel] = Math.max(0, (openSockets[kernel] || 1) - 1);
        setTimeout(function () {
          if (!openSockets[kernel]) showLost();
        }, REPLACE_WAIT_MS);
      });
    }
    return ws;
  }
  WatchedWebSocket.prototype = NativeWebSocket.prototype;
  ["CONNECTING", "OPEN", "CLOSING", "CLOSED"].forEach(function (name) {
    WatchedWebSocket[name] = NativeWebSocket[name];
  });
  window.WebSocket = WatchedWebSocket;

  // -- 2. text limit ---------------------------------------------------------------
  function isTextBox(el) {
    return el && (el.tagName === "TEXTAREA" ||
      (el.tagName === "INPUT" && (el.type === "text" || el.type === "search")));
  }

  function limitNote(el) {
    var holder = el.closest(".widget-inline-hbox, .widget-textarea, .widget-text") ||
      el.parentNode;
    var note = holder.nextElementSibling;
    if (!note || !note.classList.contains("wb-limit-note")) {
      note = document.createElement("p");
      note.className = "wb-limit-note";
      note.setAttribute("role", "alert");
      holder.parentNode.insertBefore(note, holder.nextSibling);
    }
    return note;
  }

  function clearNote(el) {
    var holder = el.closest(".widget-inline-hbox, .widget-textarea, .widget-text") ||
      el.parentNode;
    var note = holder && holder.nextElementSibling;
    if (note && note.classList.contains("wb-limit-note")) note.remove();
  }

  document.addEventListener("beforeinput", function (event) {
    var el = event.target;
    if (!isTextBox(el)) return;
    var incoming = 0;
    if (typeof event.data === "string") {
      incoming = event.data.length;
    } else if (event.dataTransfer) {
      incoming = event.dataTransfer.getData("text/plain").length;
    }
    if (!incoming) { clearNote(el); return; }
    var selected = Math.max(0, (el.selectionEnd || 0) - (el.selectionStart || 0));
    var after = el.value.length - selected + incoming;
    if (after <= MAX_TEXT) { clearNote(el); return; }
    event.preventDefault();
    limitNote(el).textContent = "This box holds up to " +
      MAX_TEXT.toLocaleString("en-GB") + " characters, and that would make it " +
      after.toLocaleString("en-GB") + ". Nothing was added, and what was already " +
      "here is kept. You could shorten it, or split it over more than one entry.";
  }, true);

  // -- 3. step headings ------------------------------------------------------------
  var seenTitle = new WeakMap();
  function noteHeadings(root, focus) {
    if (!root) return;
    var headings = root.querySelectorAll ? root.querySelectorAll(".wb-step-title") : [];
    for (var i = 0; i < headings.length; i++) {
      var heading = headings[i];
      var stepper = heading.closest(".wb-stepper") || document.body;
      var before = seenTitle.get(stepper);
      var now = heading.textContent;
      seenTitle.set(stepper, now);
      if (focus && before !== undefined && before !== now && !lost) {
        heading.focus({ preventScroll: false });
      }
    }
  }

  // -- 5. slider names -------------------------------------------------------------
  var labelCount = 0;
  function nameSliders(root) {
    if (!root) return;
    if (!root.querySelectorAll) return;
    var handles = root.querySelectorAll(".noUi-handle[role=slider]");
    for (var i = 0; i < handles.length; i++) {
      var handle = handles[i];
      if (handle.hasAttribute("aria-labelledby") || handle.hasAttribute("aria-label")) continue;
      var slider = handle.closest(".widget-slider");
      var label = slider && slider.querySelector(".widget-label");
      if (!label || !label.textContent.trim()) continue;
      if (!label.id) label.id = "wb-slider-label-" + (++labelCount);
      handle.setAttribute("aria-labelledby", label.id);
    }
  }

  // -- 6. radio groups ---------------------------------------------------------------
  var groupCount = 0;
  function groupRadios(root) {
    if (!root) return;
    if (!root.querySelectorAll) return;
    var inside = root.closest && root.closest(".widget-radio");
    var groups = inside ? [inside] : root.querySelectorAll(".widget-radio");
    for (var i = 0; i < groups.length; i++) {
      var group = groups[i];
      var box = group.querySelector(".widget-radio-box");
      if (!box) continue;
      if (!group.dataset.wbGroup) group.dataset.wbGroup = "wb-radio-" + (++groupCount);
      var label = group.querySelector(".widget-label");
      if (label && label.textContent.trim()) {
        if (!label.id) label.id = group.dataset.wbGroup + "-label";
        box.setAttribute("aria-labelledby", label.id);
      }
      box.setAttribute("role", "radiogroup");
      var inputs = box.querySelectorAll("input[type=radio]");
      for (var j = 0; j < inputs.length; j++) inputs[j].name = group.dataset.wbGroup;
    }
  }

  function improve(root) {
    nameSliders(root);
    groupRadios(root);
  }

  function watchSteps() {
    noteHeadings(document, false);
    improve(document);
    new MutationObserver(function (records) {
      for (var i = 0; i < records.length; i++) {
        var added = records[i].addedNodes;
        for (var j = 0; j < added.length; j++) {
          if (added[j].nodeType === 1) {
            improve(added[j]);
            if (added[j].matches && added[j].matches(".wb-step-title")) {
              noteHeadings(added[j].parentNode, true);
            } else {
              noteHeadings(added[j], true);
            }
          }
        }
      }
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", watchSteps);
  } else {
    watchSteps();
  }
})();
