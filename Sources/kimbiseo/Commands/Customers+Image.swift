import ArgumentParser
import Foundation
import Store

/// `kimbiseo customers image set ID FILE | get ID -o FILE | clear ID`
struct CustomersImageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "image",
        abstract: "고객 이미지: a customer's one image (business card or portrait).",
        discussion: """
            JPEG or PNG (recognized by the file's first bytes, not its name), at most 5
            MiB.

            Examples:
              kimbiseo customers image set 12 명함.jpg
              kimbiseo customers image get C000012 -o 명함.jpg
              kimbiseo customers image clear 12
            """,
        subcommands: [Set.self, Get.self, Clear.self])

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: "Store FILE as the customer's image (replacing any).",
            discussion: "Example: kimbiseo customers image set 12 portrait.png")

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("The customer's number or 고객번호.", valueName: "ID|CODE"))
        var customer: String
        @Argument(help: ArgumentHelp("A JPEG or PNG file.", valueName: "FILE"))
        var file: String

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CLIError("\(file): cannot read the file")
            }
            let (_, store) = try global.openStore()
            let image: CustomerImage
            do {
                image = try store.setImage(data, idOrCode: customer)
            } catch let error as StoreError {
                switch error {
                case .imageNotRecognized, .imageTooLarge: throw CLIError("\(file): \(error.description)")
                default: throw error.cliError
                }
            }
            print("이미지 저장: \(customer) (\(image.mediaType), \(image.data.count) bytes)")
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "get", abstract: "Write the customer's image to a file.",
            discussion: "Example: kimbiseo customers image get 12 -o card.jpg   (exit status 1 when there is none)")

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("The customer's number or 고객번호.", valueName: "ID|CODE"))
        var customer: String
        @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the image.", valueName: "FILE"))
        var output: String

        func run() async throws {
            let (_, store) = try global.openStore()
            guard let image = try storeCall({ try store.image(idOrCode: customer) }) else {
                throw CLIError("customer '\(customer)' has no image")
            }
            do {
                try image.data.write(to: URL(fileURLWithPath: output))
            } catch {
                throw CLIError("\(output): cannot write the image: \(error.localizedDescription)")
            }
            print("\(output): \(image.mediaType), \(image.data.count) bytes")
        }
    }

    struct Clear: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "clear", abstract: "Remove the customer's image.",
            discussion: "Example: kimbiseo customers image clear 12")

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("The customer's number or 고객번호.", valueName: "ID|CODE"))
        var customer: String

        func run() async throws {
            let (_, store) = try global.openStore()
            let had = try storeCall { try store.clearImage(idOrCode: customer) }
            print(had ? "이미지 삭제: \(customer)" : "\(customer): no image")
        }
    }
}
