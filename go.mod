module khabar

go 1.26.8
