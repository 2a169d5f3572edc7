from komsos_cli.cli import main

main()
