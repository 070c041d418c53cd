"""Demo lessons: scripts in English and Chinese, drawn and narrated on this machine."""
