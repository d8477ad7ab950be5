"""Pages of the screening wizard and the form fields they are built from."""
