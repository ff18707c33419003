// Correcting on the review page, with no server (templates/review_edit.html marks what is
// editable): counts the edits, and saves them as the JSON file `baocao correct --from FILE`
// applies. BAOCAO_MSG, set by the page, holds its messages in the interface's language.
//
// Numbers are read as baocao reads a Vietnamese table (nlp/table_numbers.parse with "vi"):
// 8.699.280.000, 12,5 and -0,4; a lone "." before other than three digits is a decimal point.
// A figure's value is shown and typed in the scale it is printed in ("6.420" beside "triệu
// đồng", data-scale; its words may be typed after it): the file has it in full units, times
// data-factor, as the database keeps it. A change of 100 times or more is asked about, and
// the file says "force" for each one the person confirmed, so `--from` applies it.
(function () {
  const bar = document.getElementById("corrections");
  const fields = () => Array.from(document.querySelectorAll("[data-field]"));
  const flat = (s) => s.replace(/\s+/g, " ").trim();
  const now = (el) => el.type === "checkbox" ? (el.checked ? "1" : "0")
    : el.tagName === "SELECT" ? el.value : flat(el.textContent);
  function number(text) {
    const s = text.replace(/\s+/g, "").replace("\u2212", "-").replace(/%$/, "");
    const m = /^(-?)(\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)$/.exec(s);
    if (!m) return null;
    let n = m[2], dots = (n.match(/\./g) || []).length, commas = (n.match(/,/g) || []).length;
    let dec = null;
    if (dots && commas) dec = n.lastIndexOf(",") > n.lastIndexOf(".") ? "," : ".";
    else if (dots > 1 || commas > 1) dec = dots > 1 ? "," : ".";
    else if (dots + commas === 1) {
      const [head, tail] = n.split(/[.,]/);
      dec = (tail.length !== 3 || head === "0") ? (commas ? "," : ".") : ",";
    }
    if (dec) n = n.split(dec === "," ? "." : ",").join("").replace(dec, ".");
    return String((m[1] ? -1 : 1) * Number(n));
  }
  function typed(el, text) {  // a value as typed, its scale's words after it left out
    const scale = (el.dataset.scale || "").toLowerCase();
    const s = flat(text);
    return number(scale && s.toLowerCase().endsWith(scale) ? s.slice(0, -scale.length) : s);
  }
  const full = (el, n) => n === null || !el.dataset.factor ? n
    : String(Number((Number(n) * Number(el.dataset.factor)).toPrecision(15)));
  const big = (was, n) => {
    const ratio = Math.abs(Number(n) / Number(was));
    return was !== null && Number(was) !== 0 && (ratio >= 100 || ratio <= 0.01);
  };
  const changed = () => fields().filter((el) => now(el) !== el.dataset.orig);
  function refresh() {
    fields().forEach((el) => (el.closest("label") || el).classList.toggle(
      "edited", now(el) !== el.dataset.orig));
    document.getElementById("n-edits").textContent = changed().length;
  }
  document.addEventListener("input", refresh);
  document.addEventListener("change", refresh);
  document.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && e.target.isContentEditable) { e.preventDefault(); e.target.blur(); }
  });
  document.getElementById("save-corrections").addEventListener("click", () => {
    const author = document.getElementById("corrector").value.trim();
    const note = document.getElementById("edit-note").value.trim();
    const made = new Date().toISOString(), bad = [], out = [], large = [];
    changed().forEach((el) => {
      const key = JSON.parse(el.closest("[data-key]").dataset.key);
      let value = now(el), old = el.dataset.orig, force;
      if (el.hasAttribute("data-number") && value !== "") {
        value = typed(el, value);
        if (value === null) { bad.push(now(el)); return; }
        const was = old === "" ? null : typed(el, old);
        if (big(was, value)) {
          force = true;
          const words = el.dataset.scale || "", shown = now(el);  // 1,3 → 1.300 tỷ đồng
          const typedWords = shown.toLowerCase().endsWith(words.toLowerCase());
          large.push(old + " \u2192 " + shown + (words && !typedWords ? " " + words : ""));
        }
        value = full(el, value);
        if (was !== null) old = full(el, was);
      }
      out.push(Object.assign({doc_id: bar.dataset.doc}, key, {
        field: el.dataset.field, old_value: old, new_value: value,
        note: note, author: author, created_at: made}, force ? {force: true} : {}));
    });
    if (bad.length) { alert(BAOCAO_MSG.bad + " " + bad.join(", ")); return; }
    if (!out.length) { alert(BAOCAO_MSG.none); return; }
    if (large.length && !confirm(BAOCAO_MSG.big + "\n" + large.join("\n"))) return;
    const file = {format: "baocao-corrections", version: 1, corrections: out};
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([JSON.stringify(file, null, 1)],
                                             {type: "application/json"}));
    link.download = bar.dataset.file.replace(/\.[^.]*$/, "") + "-corrections.json";
    document.body.appendChild(link);
    link.click();
    link.remove();
  });
})();
