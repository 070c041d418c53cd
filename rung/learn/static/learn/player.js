/* A lesson's player: captions choice, the transcript that follows and seeks the video,
   and the member's position kept as they watch. Without JavaScript the video still plays
   with its own controls and each transcript line is a link that opens the lesson there. */
(function () {
  "use strict";
  var root = document.querySelector("[data-lesson]");
  var video = root && root.querySelector("video");
  if (!video) return;

  function clock(seconds) {
    var total = Math.max(0, Math.floor(seconds || 0));
    var h = Math.floor(total / 3600), m = Math.floor((total % 3600) / 60), s = total % 60;
    var mm = h ? String(m).padStart(2, "0") : String(m);
    return (h ? h + ":" : "") + mm + ":" + String(s).padStart(2, "0");
  }

  // Start where the link or the member's last visit says (?t= or the kept position), else
  // where this tab last was (a language switch or a reload keeps a visitor's place).
  var slug = root.getAttribute("data-lesson");
  var placeKey = "rung-lesson-place:" + slug;
  var start = parseFloat(root.getAttribute("data-start"));
  var here = NaN;
  try { here = parseFloat(sessionStorage.getItem(placeKey)); } catch (e) { here = NaN; }
  // This tab's own place is newer than the kept one (its last report may still be on the way).
  if (root.getAttribute("data-start-from") !== "link" && here > 0) start = here;
  var keepPlace = function () {
    try {
      if (video.currentTime > 0 && !video.ended) sessionStorage.setItem(placeKey, String(video.currentTime));
      else sessionStorage.removeItem(placeKey);
    } catch (e) { /* private mode */ }
  };
  window.addEventListener("pagehide", keepPlace);
  if (start > 0) {
    var seekToStart = function () { video.currentTime = Math.min(start, video.duration || start); };
    if (video.readyState >= 1) seekToStart(); else video.addEventListener("loadedmetadata", seekToStart, { once: true });
  }

  // Time shown beside the player, for every reader and for assistive technology on demand.
  var timeOut = root.querySelector("[data-player-time]");
  function showTime() {
    if (timeOut) timeOut.textContent = clock(video.currentTime) + " / " + clock(video.duration);
  }
  video.addEventListener("timeupdate", showTime);
  video.addEventListener("seeked", showTime);
  video.addEventListener("loadedmetadata", showTime);

  // Captions: one language at a time, the choice kept for the next lesson.
  var buttons = Array.prototype.slice.call(root.querySelectorAll("[data-captions]"));
  function showCaptions(language) {
    for (var i = 0; i < video.textTracks.length; i++) {
      var track = video.textTracks[i];
      track.mode = language && track.language === language ? "showing" : "disabled";
    }
    buttons.forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-captions") === language));
    });
    try { localStorage.setItem("rung-captions", language); } catch (e) { /* private mode */ }
  }
  buttons.forEach(function (button) {
    button.addEventListener("click", function () { showCaptions(button.getAttribute("data-captions")); });
  });
  // Captions chosen in the player's own menu: the buttons say so too.
  video.textTracks.addEventListener("change", function () {
    var showing = "";
    for (var i = 0; i < video.textTracks.length; i++) {
      if (video.textTracks[i].mode === "showing") showing = video.textTracks[i].language;
    }
    buttons.forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-captions") === showing));
    });
  });
  var kept = null;
  try { kept = localStorage.getItem("rung-captions"); } catch (e) { kept = null; }
  var known = function (language) {
    return buttons.some(function (b) { return b.getAttribute("data-captions") === language; });
  };
  if (kept !== null && known(kept)) showCaptions(kept);
  else {
    // No choice made yet: a reader whose language the video does not speak gets captions in theirs.
    var fallback = root.getAttribute("data-default-captions");
    if (fallback && known(fallback)) {
      showCaptions(fallback);
      try { localStorage.removeItem("rung-captions"); } catch (e) { /* private mode */ }
    }
  }

  // The transcripts (one list per language, one shown): a line seeks the video, and the line
  // being spoken is marked and kept in view inside the transcript's own box.
  var lists = Array.prototype.slice.call(root.querySelectorAll("[data-transcript]"));
  var shownList = function () {
    return lists.filter(function (list) { return !list.hidden; })[0] || null;
  };
  lists.forEach(function (list) {
    Array.prototype.slice.call(list.querySelectorAll("[data-cue-start]")).forEach(function (line) {
      line.addEventListener("click", function (event) {
        event.preventDefault();
        video.currentTime = parseInt(line.getAttribute("data-cue-start"), 10) / 1000;
        var playing = video.play();
        if (playing && playing.catch) playing.catch(function () { /* needs a gesture */ });
      });
    });
  });
  var current = null;
  function markLine(force) {
    var list = shownList();
    if (!list) return;
    var lines = list.querySelectorAll("[data-cue-start]");
    var ms = video.currentTime * 1000, found = null;
    for (var i = 0; i < lines.length; i++) {
      if (parseInt(lines[i].getAttribute("data-cue-start"), 10) <= ms + 1) found = lines[i]; else break;
    }
    if (found === current && !force) return;
    if (current) { current.classList.remove("is-current"); current.removeAttribute("aria-current"); }
    current = found;
    if (current) {
      current.classList.add("is-current");
      current.setAttribute("aria-current", "time");
      // Scroll the list's own box, never the page under the reader: the line a third down.
      if (list.scrollHeight > list.clientHeight) {
        var offset = current.getBoundingClientRect().top - list.getBoundingClientRect().top;
        list.scrollTop += offset - list.clientHeight / 3;
      }
    }
  }
  video.addEventListener("timeupdate", function () { markLine(false); });
  video.addEventListener("seeked", function () { markLine(false); });

  // Another language's transcript: shown in place, the video goes on playing.
  Array.prototype.slice.call(root.querySelectorAll("[data-transcript-choice]")).forEach(function (link) {
    link.addEventListener("click", function (event) {
      var language = link.getAttribute("data-transcript-choice");
      var list = lists.filter(function (l) { return l.getAttribute("data-transcript") === language; })[0];
      if (!list) return;
      event.preventDefault();
      lists.forEach(function (l) { l.hidden = l !== list; });
      root.querySelectorAll("[data-transcript-choice]").forEach(function (other) {
        if (other === link) other.setAttribute("aria-current", "true"); else other.removeAttribute("aria-current");
      });
      if (history.replaceState) {
        var url = new URL(window.location.href);
        url.searchParams.set("transcript", language);
        url.searchParams.delete("t");
        history.replaceState(null, "", url.toString());
      }
      markLine(true);
    });
  });

  // Progress, for members: every 10 s of watching, on pause, seek and end, and on leaving.
  var url = root.getAttribute("data-progress-url");
  if (!url) return;
  var token = "";
  try { token = JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRFToken"] || ""; } catch (e) { token = ""; }
  var sent = -1;
  function send(ended) {
    if (!video.duration && !ended) return;
    var position = video.currentTime;
    if (!ended && Math.abs(position - sent) < 1) return;
    sent = position;
    var body = new FormData();
    body.append("position", position.toFixed(2));
    if (ended) body.append("ended", "1");
    fetch(url, {
      method: "POST", body: body, credentials: "same-origin", keepalive: true,
      headers: { "X-CSRFToken": token },
    }).catch(function () { /* the next report carries the position */ });
  }
  var lastTick = 0;
  video.addEventListener("timeupdate", function () {
    if (Math.abs(video.currentTime - lastTick) >= 10) { lastTick = video.currentTime; send(false); }
  });
  video.addEventListener("pause", function () { send(false); });
  video.addEventListener("seeked", function () { lastTick = video.currentTime; send(false); });
  video.addEventListener("ended", function () { send(true); });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") send(false);
  });
})();
