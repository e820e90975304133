// Progressive enhancement: reveal the copy buttons that the build placed next
// to each code block, and announce the result to screen readers.
for (const button of document.querySelectorAll(".copy-button")) {
  const code = button.parentElement?.querySelector("pre");
  if (!code || !navigator.clipboard) continue;
  button.hidden = false;
  button.setAttribute("aria-label", "Copy code to clipboard");
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(code.innerText);
      button.textContent = "Copied";
    } catch {
      button.textContent = "Copy failed";
    }
    setTimeout(() => (button.textContent = "Copy"), 2000);
  });
}
