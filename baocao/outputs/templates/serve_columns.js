{#- Datasette's column descriptions folded behind one line, so the rows are on the first
    screen (serve_display.extra_body_script). -#}
document.querySelectorAll("dl.column-descriptions").forEach(function (dl) {
  var box = document.createElement("details"), line = document.createElement("summary");
  box.className = "baocao-columns"; line.textContent = {{ label|tojson }};
  dl.parentNode.insertBefore(box, dl); box.appendChild(line); box.appendChild(dl);
});
