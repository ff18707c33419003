// Correcting on the review page, with no server (templates/review_edit.html marks what is
// editable): counts the edits, and saves them as the JSON file `baocao correct --from FILE`
// applies. BAOCAO_MSG, set by the page, holds its messages in the interface's language.
//
// Numbers are read as baocao reads a Vietnamese table (nlp/table_numbers.parse with "vi"):
// 8.699.280.000, 12,5 and -0,4; a lone "." before other than three digits is a decimal point.
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
    const made = new Date().toISOString(), bad = [], out = [];
    changed().forEach((el) => {
      const key = JSON.parse(el.closest("[data-key]").dataset.key);
      let value = now(el);
      if (el.hasAttribute("data-number") && value !== "") {
        value = number(value);
        if (value === null) { bad.push(now(el)); return; }
      }
      out.push(Object.assign({doc_id: bar.dataset.doc}, key, {
        field: el.dataset.field, old_value: el.dataset.orig, new_value: value,
        note: note, author: author, created_at: made}));
    });
    if (bad.length) { alert(BAOCAO_MSG.bad + " " + bad.join(", ")); return; }
    if (!out.length) { alert(BAOCAO_MSG.none); return; }
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
