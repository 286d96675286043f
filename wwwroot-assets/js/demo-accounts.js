// The sign-in page's "Use" buttons (demo mode only) fill the form with that demo account. Delegated from the document,
// because the page arrives by enhanced navigation too, and inline handlers are blocked by the script policy.
document.addEventListener("click", function (event) {
  var button = event.target.closest && event.target.closest("button[data-demo-email]");
  if (!button) return;
  document.getElementById("Input.Email").value = button.getAttribute("data-demo-email");
  document.getElementById("Input.Password").value = button.getAttribute("data-demo-password");
});
