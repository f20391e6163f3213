document.getElementById("root").textContent = "test console";
