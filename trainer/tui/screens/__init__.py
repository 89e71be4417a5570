"""The screens of the practice room: home, call, report and their dialogs."""
