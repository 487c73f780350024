"""The seed dataset (facts of the 2019 progress report) and the generator of demo volume data."""
