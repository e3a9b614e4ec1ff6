"""Reading the data folder: YAML files into validated records, every problem collected."""
