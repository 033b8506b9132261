// The room's screen in a browser: draws what the server sends over the websocket and
// counts the clock down by itself from the deadline it was given. Text is set with
// textContent only, so names and rules are shown as typed, never as markup. The words it
// writes itself come with the data (`words`, in the meeting's language: see page_data.py).
"use strict";

const $ = (id) => document.getElementById(id);
let data = null;
let words = {};
let boardHeading = "";
let announced = "";
let retry = 500;

function face(seconds) {
  // As startpakke.view.format.clock_face: 03:42 counting down, +01:05 in overtime.
  let sign = "";
  let whole;
  if (seconds >= 0) {
    whole = Math.ceil(seconds - 1e-9);
  } else {
    whole = Math.floor(-seconds + 1e-9);
    sign = "+";
  }
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const secs = whole % 60;
  const two = (n) => String(n).padStart(2, "0");
  return hours ? `${sign}${hours}:${two(minutes)}:${two(secs)}` : `${sign}${two(minutes)}:${two(secs)}`;
}

function wallClock() {
  const now = new Date();
  return String(now.getHours()).padStart(2, "0") + ":" + String(now.getMinutes()).padStart(2, "0");
}

function setText(id, text) {
  const element = $(id);
  element.textContent = text || "";
  element.hidden = !text;
}

function tick() {
  $("wall-clock").textContent = wallClock();
  if (!data) return;
  const clock = $("clock");
  if (data.stage === "running") {
    const timer = data.timer;
    const shown = timer.counting ? face((timer.ends_at - Date.now()) / 1000) : timer.face;
    if (clock.textContent !== shown) clock.textContent = shown;
    const status = data.clock_status === words.overtime ? `${words.overtime} ${shown}` : data.clock_status;
    setText("clock-status", status);
  } else if (clock.textContent !== wallClock()) {
    clock.textContent = wallClock();
  }
}

function postit(text, byline, classes) {
  const item = document.createElement("li");
  item.className = "postit " + classes;
  const strong = document.createElement("strong");
  strong.textContent = text;
  item.append(strong);
  if (byline) {
    const small = document.createElement("small");
    small.textContent = byline;
    item.append(small);
  }
  return item;
}

function drawBoard(view) {
  const columns = $("board-columns");
  columns.replaceChildren();
  boardHeading = words.board;
  $("board-heading").textContent = boardHeading;
  if (view.competences) {
    for (const column of view.competences) {
      const list = document.createElement("ul");
      list.className = "column";
      const heading = document.createElement("h3");
      heading.className = "-" + column.category;
      heading.textContent = `${column.label} (${column.colour})`;
      list.append(heading);
      for (const note of column.notes) {
        const marks = [note.chosen ? words.chosen : "", note.top ? words.top : "", note.by];
        list.append(postit(note.text, marks.filter(Boolean).join(" · "), "-" + column.category));
      }
      columns.append(list);
    }
  } else if (view.rules) {
    const list = document.createElement("ul");
    list.className = "column rules";
    for (const rule of view.rules) {
      const byline = (rule.agreed ? words.agreed : words.proposal) + (rule.by ? ` · ${rule.by}` : "");
      list.append(postit(rule.text, byline, rule.agreed ? "-agreed" : ""));
    }
    columns.append(list);
  }
}

function countHidden() {
  // As on the terminal projector: notes that do not fit are counted, never silently lost.
  const board = $("board");
  const bottom = Math.min(board.getBoundingClientRect().bottom, window.innerHeight);
  const notes = [...board.querySelectorAll(".postit")];
  let hidden = 0;
  for (const note of notes) {
    note.style.visibility = "";
    if (note.getBoundingClientRect().bottom > bottom + 1) {
      note.style.visibility = "hidden"; // not half a note: counted below instead
      hidden += 1;
    }
  }
  $("board-heading").textContent =
    boardHeading + (hidden ? words.hidden.replace("{n}", String(hidden)) : "");
}

window.addEventListener("resize", () => { if (data && !$("board").hidden) countHidden(); });

function announce(view) {
  // Calm: only when the part, the speaker, pause or overtime changes.
  let said;
  if (view.stage === "running") {
    said = [`${view.part_label}: ${view.title}.`];
    if (view.phase) said.push(view.phase + ".");
    if (view.now_speaking) {
      said.push(`${view.speaker_label}: ${view.now_speaking}.`);
      if (view.next_speaking) said.push(`${words.next} ${view.next_speaking}.`);
    }
    if (view.clock_state === "paused") said.push(`${words.pause}.`);
    if (view.clock_state === "overtime") said.push(`${words.overtime}.`);
  } else if (view.stage === "blank") {
    said = [`${words.blanked} ${view.title}.`];
  } else {
    said = [view.title + ".", view.phase || ""];
  }
  const text = said.join(" ").trim();
  if (text !== announced) {
    announced = text;
    $("announce").textContent = text;
  }
}

function draw(view) {
  data = view;
  words = view.words;
  const body = document.body;
  body.className = `-${view.stage} -${view.clock_state}`;
  const board = view.stage === "running" && (view.rules || view.competences);
  body.classList.toggle("-board", Boolean(board));
  setText("part-label", view.stage === "running" ? view.part_label : "");
  $("network").textContent = view.stage === "running" ? view.network : view.meeting_title;
  $("title").textContent = view.title;
  setText("phase", view.phase);
  setText("problem", view.problem);
  const prompts = $("prompts");
  prompts.replaceChildren(
    ...view.prompts.map((text) => {
      const item = document.createElement("li");
      item.textContent = text;
      return item;
    }),
  );
  prompts.hidden = view.prompts.length === 0;
  setText("listening", view.listening);
  setText("clock-label", view.stage === "running" ? view.clock_label : words.clock_is);
  $("speaker-label").textContent = view.speaker_label + ":";
  $("now-speaking").textContent = view.now_speaking;
  $("now-speaking").parentElement.hidden = !view.now_speaking;
  $("next-speaking").textContent = view.next_speaking || words.last_turn;
  $("turn-text").textContent = view.turn_text ? `(${view.turn_text})` : "";
  $("next").hidden = !view.now_speaking;
  $("turn").hidden = !view.turn_text;
  $("board").hidden = !board;
  if (board) {
    drawBoard(view);
    requestAnimationFrame(countHidden);
  }
  announce(view);
  tick();
}

function closed(text) {
  data = null;
  document.body.className = "-closed";
  $("title").textContent = text;
  for (const id of ["phase", "problem", "prompts", "listening", "turn", "board", "clock-status"]) {
    $(id).hidden = true;
  }
  $("clock-label").hidden = true;
}

function connect() {
  const url = new URL("ws", window.location.href);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  const socket = new WebSocket(url);
  socket.onopen = () => { retry = 500; };
  socket.onmessage = (event) => draw(JSON.parse(event.data));
  socket.onclose = () => {
    closed(words.closed || document.body.dataset.closed);
    // A restarted server has a new secret: this address then stops working for good.
    retry = Math.min(retry * 2, 10000);
    setTimeout(connect, retry);
  };
}

document.addEventListener("DOMContentLoaded", () => {
  setInterval(tick, 250);
  connect();
});
