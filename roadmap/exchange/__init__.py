"""Other tools' formats: terminal table and CSV today; calendars and project files next."""
